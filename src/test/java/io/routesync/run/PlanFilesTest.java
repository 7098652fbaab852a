package io.routesync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.routesync.apply.Reconciler;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationRun;
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
 * What {@code plan --out} saves of a run: the hosts that were planned, with their {@code expect:} flows
 * as {@code apply PLAN} checks them against the kernel (an {@code unchanged} one pinned to the live
 * answer), and the ones left out. Offline: no host is read.
 */
class PlanFilesTest {
    private static final Map<String, String> SEED = Map.of("uplink2_addr", "192.168.2.10", "uplink2_net", "192.168.2.0/24",
            "uplink2_gw", "192.168.2.1");

    @Test
    void aPlanFileCarriesEachHostsExpectationsWithUnchangedPinnedToTheLiveAnswer() throws Exception {
        HostJob seed = job("edge1", Files.readString(Path.of("states/dual-uplink.yml")));
        HostJob plain = job("edge2", "tables: { t: 100 }\nroutes:\n  t:\n    - { to: 10.0.0.0/8, dev: eth0 }\n");
        HostJob down = job("edge3", "tables: { t: 100 }\n");
        RunResult planned = new RunResult(List.of(planned(seed), planned(plain),
                HostRun.notPlanned(down.spec(), null, new HostFailure(true, "unreachable", "unreachable"))));
        PlanFiles.Built built = PlanFiles.of(List.of(seed, plain, down), planned, true, "t", Instant.EPOCH);
        assertEquals(List.of("edge1", "edge2"), built.plan().hosts().stream().map(h -> h.name()).toList());
        assertEquals(List.of("edge3"), built.leftOut());
        List<Expectation> saved = built.plan().hosts().get(0).expectations();
        List<Expectation> declared = seed.spec().loaded().expectations();
        assertEquals(2, saved.size(), saved::toString);
        assertEquals(declared.get(0), saved.get(0), "an expectation with an outcome is saved as declared");
        // the empty live host routes 203.0.113.5 nowhere: "unchanged" is saved as that answer
        assertEquals(declared.get(1).place(), saved.get(1).place());
        assertEquals(declared.get(1).flow(), saved.get(1).flow());
        assertEquals("unreachable", saved.get(1).type());
        assertFalse(saved.get(1).unchanged(), "saved as a concrete outcome");
        assertEquals(List.of(), built.plan().hosts().get(1).expectations(), "edge2's state has no expect:");
    }

    @Test
    void noHostPlannedSavesNothing() throws Exception {
        HostJob down = job("edge3", Files.readString(Path.of("states/dual-uplink.yml")));
        PlanFiles.Built built = PlanFiles.of(List.of(down),
                new RunResult(List.of(HostRun.notPlanned(down.spec(), null, new HostFailure(true, "x", "x")))), true, "t", Instant.EPOCH);
        assertNull(built.plan());
        assertEquals(List.of("edge3"), built.leftOut());
    }

    /** The host planned against an empty reading, its expectations compared there as plan compares them. */
    private static HostRun planned(HostJob job) {
        Observed nothing = new Observed(List.of(), List.of(), Set.of(), List.of(), List.of(), Map.of());
        HostPlan plan = new HostPlan(List.of(), "f");
        LoadedState loaded = job.spec().loaded();
        return HostRun.planned(job.spec(), new HostReading(nothing, Names.builtin(), Map.of(), "d"), plan,
                ExpectationRun.compare(nothing, plan, loaded.expectations(), loaded.names()));
    }

    private static HostJob job(String name, String state) throws Exception {
        List<SourceFile> files = List.of(new SourceFile(name + ".yml", state));
        Variables vars = Variables.commandLine(SEED);
        LoadedState loaded = StateLoader.load(files, vars, 245);
        HostSpec spec = HostSpec.of(name, null, TargetPaths.of(null, null, null, null), loaded, 245, files, vars, null, "t");
        return new HostJob(spec, LocalTarget.host(), new Reconciler.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC());
    }
}
