package io.routesync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.routesync.apply.Reconciler;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@code plan --out} saves of a run: the hosts that were planned, the ones left out, and which
 * saved hosts have {@code expect:} flows the file does not carry (so the command can warn that
 * {@code apply PLAN} will not check them). Offline: no host is read.
 */
class PlanFilesTest {
    private static final Map<String, String> SEED = Map.of("uplink2_addr", "192.168.2.10", "uplink2_net", "192.168.2.0/24",
            "uplink2_gw", "192.168.2.1");

    @Test
    void aPlanFileNamesTheHostsWhoseExpectationsItDoesNotCarry() throws Exception {
        HostJob seed = job("edge1", Files.readString(Path.of("states/dual-uplink.yml")));
        HostJob plain = job("edge2", "tables: { t: 100 }\nroutes:\n  t:\n    - { to: 10.0.0.0/8, dev: eth0 }\n");
        HostJob down = job("edge3", "tables: { t: 100 }\n");
        RunResult planned = new RunResult(List.of(planned(seed), planned(plain),
                HostRun.notPlanned(down.spec(), null, new HostFailure(true, "unreachable", "unreachable"))));
        PlanFiles.Built built = PlanFiles.of(List.of(seed, plain, down), planned, true, "t", Instant.EPOCH);
        assertEquals(List.of("edge1", "edge2"), built.plan().hosts().stream().map(h -> h.name()).toList());
        assertEquals(List.of("edge3"), built.leftOut());
        assertEquals(List.of("edge1"), built.expectationsNotCarried(), "the seed state has expect:, edge2's has none");
    }

    @Test
    void noHostPlannedSavesNothing() throws Exception {
        HostJob down = job("edge3", Files.readString(Path.of("states/dual-uplink.yml")));
        PlanFiles.Built built = PlanFiles.of(List.of(down),
                new RunResult(List.of(HostRun.notPlanned(down.spec(), null, new HostFailure(true, "x", "x")))), true, "t", Instant.EPOCH);
        assertNull(built.plan());
        assertEquals(List.of(), built.expectationsNotCarried());
    }

    private static HostRun planned(HostJob job) {
        Observed nothing = new Observed(List.of(), List.of(), Set.of(), List.of(), List.of(), Map.of());
        return HostRun.planned(job.spec(), new HostReading(nothing, Names.builtin(), Map.of(), "d"), new HostPlan(List.of(), "f"),
                List.of());
    }

    private static HostJob job(String name, String state) throws Exception {
        List<SourceFile> files = List.of(new SourceFile(name + ".yml", state));
        Variables vars = Variables.commandLine(SEED);
        LoadedState loaded = StateLoader.load(files, vars, 245);
        HostSpec spec = HostSpec.of(name, null, TargetPaths.of(null, null, null, null), loaded, 245, files, vars, null, "t");
        return new HostJob(spec, LocalTarget.host(), new Reconciler.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC());
    }
}
