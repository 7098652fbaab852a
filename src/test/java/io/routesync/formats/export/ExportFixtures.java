package io.routesync.formats.export;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.demo.DemoTopology;
import io.routesync.model.Interface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The states every export test runs through every format: the shipped states (with the demo/seed
 * topology's addresses), every planner golden case's desired state, and export/everything.yml (every
 * kind of entry the state can hold). Each is exported as it is and with a fallback interface.
 */
public final class ExportFixtures {
    public static final int TAG = 245;
    static final Map<String, String> SEED_VARS = Map.of("uplink2_addr", DemoTopology.UPLINK2_ADDR,
            "uplink2_net", DemoTopology.UPLINK2_NET, "uplink2_gw", DemoTopology.UPLINK2_GW,
            "uplink2_len", DemoTopology.UPLINK2_NET.substring(DemoTopology.UPLINK2_NET.indexOf('/') + 1));

    private ExportFixtures() {
    }

    /** Name to input; names end in "+fallback" for the runs with {@code --interface eth9}. */
    public static Map<String, ExportInput> all() {
        Map<String, ExportInput> all = new LinkedHashMap<>();
        for (Path file : files()) {
            LoadedState loaded = load(file);
            all.put(file.toString(), new ExportInput(loaded.state(), TAG, loaded.names(), null));
            all.put(file + "+fallback", new ExportInput(loaded.state(), TAG, loaded.names(), Interface.of("eth9")));
        }
        return all;
    }

    static List<Path> files() {
        try (Stream<Path> golden = Files.list(Path.of("src/test/resources/plan/golden"))) {
            Stream<Path> cases = golden.map(d -> d.resolve("desired.yml")).filter(Files::isRegularFile).sorted();
            return Stream.concat(Stream.of(Path.of("states/dual-uplink.yml"), Path.of("states/dual-uplink-short.yml"),
                    Path.of("src/test/resources/export/everything.yml")), cases).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedState load(Path file) {
        try {
            SourceFile source = new SourceFile(file.toString(), Files.readString(file));
            return StateLoader.load(List.of(source), Variables.commandLine(SEED_VARS), TAG);
        } catch (Exception e) {
            throw new AssertionError("fixture " + file + " does not load", e);
        }
    }
}
