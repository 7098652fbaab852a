package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.apply.ApplyRecord;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.render.FleetJsonRenderer;
import io.routesync.render.HostBlockRenderer;
import io.routesync.render.RecapRenderer;
import io.routesync.render.RolloutText;
import io.routesync.render.Style;
import io.routesync.render.TextWidth;
import io.routesync.run.HostFailure;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.Rollout;
import io.routesync.run.RunResult;
import io.routesync.transport.TargetPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The end of a fleet run: exit-code precedence (failed > unreachable > changes) and the recap lines. */
class RunOutcomeTest {
    private static final HostPlan EMPTY = new HostPlan(List.of(), "f");
    private static final HostPlan ONE = new HostPlan(List.of(new Change(Action.ADD, new TableName("uplink", TableId.of(100)), null)), "f");

    @Test
    void failedOutranksUnreachableOutranksChanges() {
        assertEquals(ExitCodes.OK, ExitCodes.of(new RunResult(List.of(ok("a"), ok("b"))).worst(), true));
        assertEquals(ExitCodes.OK, ExitCodes.of(new RunResult(List.of(ok("a"), changed("b"))).worst(), false));
        assertEquals(ExitCodes.CHANGES, ExitCodes.of(new RunResult(List.of(ok("a"), changed("b"))).worst(), true));
        assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.of(new RunResult(List.of(changed("a"), unreachable("b"))).worst(), true));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(new RunResult(List.of(unreachable("a"), failed("b"), changed("c"))).worst(), true));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(new RunResult(List.of(failed("a"), unreachable("b"))).worst(), false));
    }

    @Test
    void theRecapHasALinePerHostAndTotals() {
        List<HostRun> runs = List.of(ok("edge1"), changed("edge22"), unreachable("e3"), failed("edge4"));
        assertEquals(String.join("\n",
                "Recap:",
                "  edge1   ok",
                "  edge22  changes pending (1)",
                "  e3      unreachable: ssh: connect to host 10.0.0.3 port 22: Connection refused",
                "  edge4   failed: another routesync run holds the lock",
                "Hosts: 4 total, 1 ok, 1 changes pending, 1 failed, 1 unreachable.",
                ""), RecapRenderer.render(runs, true, Style.PLAIN, 0));
        String narrow = RecapRenderer.render(runs, false, Style.PLAIN, 40);
        assertEquals("  e3      unreachable: ssh: connect t...", narrow.lines().toList().get(3), "cut to the terminal's width");
        assertEquals("  edge22  changed (1)", narrow.lines().toList().get(2));
    }

    @Test
    void paragraphsWrapAtSpacesAndKeepLongWordsWhole() {
        assertEquals("the connection failed during\n  the apply:\n  /a/very/long/path/that/does/not/fit\n  here",
                TextWidth.wrap("the connection failed during the apply: /a/very/long/path/that/does/not/fit here", 30));
        assertEquals("short\n  - indented line that\n    is too long",
                TextWidth.wrap("short\n  - indented line that is too long", 24));
    }

    @Test
    void whatReadingAHostWarnedAboutIsInItsBlockAndItsJson() throws Exception {
        String w = "edge1: /etc/iproute2/rt_tables.d/x.conf:2: iproute2 cannot read '104' and stops reading the file there";
        Observed nothing = new Observed(List.of(), List.of(), Set.of(), List.of(), List.of(), Map.of());
        HostReading reading = new HostReading(nothing, Names.builtin(), Map.of(), "d", List.of(w));
        HostSpec edge1 = new HostSpec("edge1", null, TargetPaths.of(null, null, null, null), spec("edge1").loaded(),
                spec("edge1").ownership(), new ApplyRecord.Inputs(null, null, "t"));
        HostRun warned = new HostRun(edge1, reading, ONE, null, List.of(), null);
        HostRun quiet = new HostRun(new HostSpec("edge2", null, edge1.paths(), edge1.loaded(), edge1.ownership(), edge1.inputs()),
                null, EMPTY, null, List.of(), null);
        assertEquals(HostBlockRenderer.header("edge1", Style.PLAIN, 0) + String.join("\n",
                "warning: " + w,
                "routesync will perform these changes on edge1:",
                "",
                "  + table uplink = 100 (rt_tables.d/routesync.conf)",
                "",
                "Plan: 1 to add, 0 to change, 0 to delete.",
                "",
                ""), HostBlockRenderer.planned(warned, Style.PLAIN, 0));
        assertTrue(HostBlockRenderer.planned(quiet, Style.PLAIN, 0).startsWith("--- edge2 ---"), "no warning, no line");
        assertTrue(HostBlockRenderer.planned(quiet, Style.PLAIN, 0).lines().noneMatch(l -> l.startsWith("warning")));
        JsonNode hosts = new ObjectMapper().readTree(FleetJsonRenderer.render("plan", List.of(warned, quiet))).get("hosts");
        assertEquals(List.of(w), List.of(hosts.get(0).get("warnings").get(0).asText()));
        assertEquals(1, hosts.get(0).get("warnings").size());
        assertTrue(hosts.get(1).get("warnings").isArray() && hosts.get(1).get("warnings").isEmpty(), "always a list");
    }

    @Test
    void aHostLeftUntouchedByAStoppedRolloutIsNotOk() {
        HostRun.Batch second = new HostRun.Batch(2, 2, false);
        HostRun untouched = new HostRun(spec("edge3"), null, ONE, null, List.of(), null, null, null, second);
        HostRun unreachable = unreachable("edge2");
        HostRun ranUnreachable = new HostRun(unreachable.spec(), null, null, null, List.of(), unreachable.failure(), null, null,
                new HostRun.Batch(1, 2, true));
        assertEquals(HostRun.Status.UNTOUCHED, untouched.status());
        RunResult result = new RunResult(List.of(ok("edge1"), ranUnreachable, untouched), Rollout.parse("1", null));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(result.worst(), false), "untouched outranks unreachable: the rollout stopped");
        assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.of(new RunResult(List.of(ok("edge1"), ranUnreachable)).worst(), false));
        assertEquals(String.join("\n",
                "Recap:",
                "  edge1           ok",
                "  edge2  batch 1  unreachable: ssh: connect to host 10.0.0.3 port 22: Connection refused",
                "  edge3  batch 2  untouched: the rollout stopped before batch 2 of 2; nothing was done here",
                "Rollout: stopped after batch 1 of 2: 1 of 1 host failed, more than --max-fail 0; 1 host left untouched.",
                "Hosts: 3 total, 1 ok, 0 changed, 0 failed, 1 unreachable, 1 untouched.",
                ""), RecapRenderer.render(result, false, Style.PLAIN, 0));
        assertEquals("Rollout: 1 batch of 1 host; it stops after a batch in which more than 10% of its hosts fail (--max-fail 10%).",
                RolloutText.planned(Rollout.parse("1", "10%"), List.of(1)));
    }

    private static HostSpec spec(String name) {
        DesiredState empty = new DesiredState(List.of(), Set.of(), List.of(), List.of());
        return new HostSpec(name, null, TargetPaths.of(null, null, null, null), new LoadedState(empty, Names.builtin(), List.of()),
                new Ownership(Set.of(), Ownership.DEFAULT_PROTOCOL_TAG), null);
    }

    private static HostRun ok(String name) {
        return new HostRun(spec(name), null, EMPTY, null, List.of(), null);
    }

    private static HostRun changed(String name) {
        return new HostRun(spec(name), null, ONE, null, List.of(), null);
    }

    private static HostRun unreachable(String name) {
        return new HostRun(spec(name), null, null, null, List.of(),
                new HostFailure(true, "ssh: connect to host 10.0.0.3 port 22: Connection refused", "..."));
    }

    private static HostRun failed(String name) {
        return new HostRun(spec(name), null, null, null, new ArrayList<>(), new HostFailure(false, "another routesync run holds the lock", "..."));
    }
}
