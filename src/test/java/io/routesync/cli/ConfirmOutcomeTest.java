package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.ConfirmReport;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.Names;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.render.ApplyView;
import io.routesync.render.RecapRenderer;
import io.routesync.render.Style;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.RunResult;
import io.routesync.transport.TargetPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How an apply with --confirm ends for the user: confirmed is a change (0); the host taking the change
 * back is a failure (1); a host not seen again after the change is unreachable (69); after the apply's
 * own failure the apply's report decides. The same for one host and in a fleet's recap.
 */
class ConfirmOutcomeTest {
    private static final HostPlan ONE = new HostPlan(List.of(new Change(Action.ADD, new TableName("uplink", TableId.of(100)), null)), "f");
    private static final ApplyReport APPLIED = new ApplyReport(ApplyReport.Outcome.APPLIED, ONE, null, null, null, null, null, -1);
    private static final ApplyReport ROLLED_BACK = new ApplyReport(ApplyReport.Outcome.FAILED_ROLLED_BACK, ONE, null, null, ONE, null, null, -1);

    private record Printed(int code, String out, String err) {
    }

    private static Printed print(ApplyReport report, ConfirmReport.Outcome outcome, String detail) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ApplyView.print("edge1", report, new ConfirmReport(outcome, report, detail, null), Names.builtin(),
                new PrintWriter(out, true), new PrintWriter(err, true), Style.PLAIN);
        int code = ExitCodes.of(run("edge1", report, outcome, detail).status(), false);
        return new Printed(code, out.toString(), err.toString());
    }

    @Test
    void aConfirmedChangeIsAnApplyThatStays() {
        Printed p = print(APPLIED, ConfirmReport.Outcome.CONFIRMED, null);
        assertEquals(ExitCodes.OK, p.code());
        assertEquals("Apply complete: 1 added, 0 changed, 0 deleted.\n"
                + "Confirmed over a new connection: edge1 is reachable and verified; the change stays.\n", p.out());
        assertEquals(HostRun.Status.CHANGED, run("edge1", APPLIED, ConfirmReport.Outcome.CONFIRMED, null).status());
    }

    @Test
    void aChangeTheHostTookBackIsAFailureAndALostHostIsUnreachable() {
        Printed back = print(APPLIED, ConfirmReport.Outcome.ROLLED_BACK_BY_HOST, "a new connection to edge1 failed: timed out");
        assertEquals(ExitCodes.FAILED, back.code());
        assertEquals("The changes were applied (1 added, 0 changed, 0 deleted) but not confirmed:\n", back.out());
        assertTrue(back.err().startsWith("error: NOT CONFIRMED: a new connection to edge1 failed: timed out. edge1 rolled the change back"),
                back.err());
        Printed lost = print(null, ConfirmReport.Outcome.UNREACHABLE, "the connection was lost during the apply: x");
        assertEquals(ExitCodes.UNAVAILABLE, lost.code());
        assertEquals("", lost.out());

        List<HostRun> runs = List.of(run("a", APPLIED, ConfirmReport.Outcome.CONFIRMED, null),
                run("b", APPLIED, ConfirmReport.Outcome.ROLLED_BACK_BY_HOST, "a new connection to b failed: timed out"),
                run("c", null, ConfirmReport.Outcome.UNREACHABLE, "lost"));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(new RunResult(runs).worst(), false), "failed outranks unreachable");
        assertEquals(ExitCodes.UNAVAILABLE, ExitCodes.of(new RunResult(List.of(runs.get(0), runs.get(2))).worst(), false));
        String recap = RecapRenderer.render(runs, false, Style.PLAIN, 0);
        assertTrue(recap.contains("  a  changed (1)\n"), recap);
        assertTrue(recap.contains("  b  failed: not confirmed: a new connection to b failed: timed out (the host rolled the change back by itself)\n"),
                recap);
        assertTrue(recap.contains("  c  unreachable: not confirmed, and unreachable since the apply"), recap);
    }

    @Test
    void afterTheApplysOwnFailureItsReportDecides() {
        Printed disarmed = print(ROLLED_BACK, ConfirmReport.Outcome.DISARMED, null);
        assertEquals(ExitCodes.FAILED, disarmed.code());
        assertTrue(disarmed.err().contains("The host was rolled back (1 change(s) undone)"), disarmed.err());
        assertTrue(disarmed.err().contains("The host's rollback timer was disarmed"), disarmed.err());
        assertEquals(HostRun.Status.FAILED, run("edge1", ROLLED_BACK, ConfirmReport.Outcome.DISARMED, null).status());
    }

    private static HostRun run(String name, ApplyReport report, ConfirmReport.Outcome outcome, String detail) {
        DesiredState empty = new DesiredState(List.of(), Set.of(), List.of(), List.of());
        HostSpec spec = new HostSpec(name, null, TargetPaths.of(null, null, null, null), new LoadedState(empty, Names.builtin(), List.of()),
                new Ownership(Set.of(), Ownership.DEFAULT_PROTOCOL_TAG), null);
        return new HostRun(spec, null, ONE, report, List.of(), null, new ConfirmReport(outcome, report, detail, null), null);
    }
}
