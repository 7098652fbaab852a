package io.routesync.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.model.Ownership;
import io.routesync.render.ExpectationView;
import io.routesync.render.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expectations checked offline against the desired state alone, as validate and {@code routesync test
 * -f} check them: each {@code src/test/resources/expect/NN-name.yml} gives exactly the pass/fail lines
 * and the error diagnostics in its {@code .expected}. To regenerate on purpose: {@code
 * -Droutesync.regenerate=true}, then read every changed file.
 */
class ExpectationGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/expect");

    static Stream<String> cases() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
            assertTrue(names.size() >= 2);
            return names.stream().map(n -> n.substring(0, n.length() - 4));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offlineResultsAreGolden(String name) throws Exception {
        String yaml = Files.readString(DIR.resolve(name + ".yml"));
        LoadedState loaded = StateLoader.load(List.of(new SourceFile(name + ".yml", yaml)), Variables.none(), Ownership.DEFAULT_PROTOCOL_TAG);
        List<ExpectationCheck.Result> results = ExpectationRun.offline(loaded.state(),
                new Ownership(loaded.state().ownedTables(), Ownership.DEFAULT_PROTOCOL_TAG), loaded.expectations(), loaded.names());
        String actual = ExpectationView.lines(results, Style.PLAIN) + "--- validate:\n" + ExpectationView.failures(results, "by the desired state");
        Path expected = DIR.resolve(name + ".expected");
        if (System.getProperty("routesync.regenerate") != null) {
            Files.writeString(expected, actual);
            return;
        }
        assertEquals(Files.readString(expected), actual);
    }
}
