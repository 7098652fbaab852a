package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.testing.InterceptedTarget;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Script;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler's ways out when an apply does not simply succeed, on a real namespace whose target
 * misbehaves on purpose: the host changes right after the batch (verify fails), and the connection
 * drops after the batch ran (the result is unknown). Both must end with the host as it was.
 */
class ReconcilerFailureTest {
    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("fail");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /** Runs scripts for real; after the first apply script, does {@code afterApply} and may pretend the link dropped. */
    private static Target meddling(Target real, Runnable afterApply, boolean dropConnection) {
        int[] applies = {0};
        return new InterceptedTarget(real, (inner, script, args, stdin, timeout) -> {
            ScriptResult result = inner.run(script, args, stdin, timeout);
            if (!script.equals(Script.APPLY.text()) || ++applies[0] > 1) return result;
            afterApply.run();
            if (dropConnection) throw new TransportException("connection to " + real.name() + " closed by remote host", true);
            // the re-read in this result predates the meddling: read again, as the script would have
            String marker = args.get(0);
            List<String> readArgs = new java.util.ArrayList<>(args.subList(0, 6));
            readArgs.addAll(args.subList(7, args.size()));
            String reread = inner.run(Script.READ.text(), readArgs, null, timeout).stdout();
            String out = result.stdout();
            int at = out.indexOf(marker + " reread\n");
            return new ScriptResult(result.exitCode(), out.substring(0, at) + marker + " reread\n" + reread, result.stderr());
        });
    }

    private static final String STATE = String.join("\n",
            "tables: { t100: 100 }",
            "rules:",
            "  - { priority: 1000, from: 192.0.2.1, table: t100 }",
            "routes:",
            "  t100:",
            "    - \"default via 192.0.2.254 dev d0\"",
            "    - \"10.10.0.0/16 via 192.0.2.253 dev d0\"",
            "");

    private ApplyReport applyWith(Target target) throws Exception {
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("s.yml", STATE)), Variables.none(), 245);
        TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
        Reconciler r = new Reconciler(target, paths, new Reconciler.Settings(Duration.ofSeconds(5), Duration.ofSeconds(60)),
                Clock.systemUTC());
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        return r.apply(loaded.state(), own, reading, plan, new ApplyRecord.Inputs("t", null, "t"), true, p -> { });
    }

    /** Every rule and route but the IPv6 ones the kernel adds to a new link by itself, a moment later. */
    private String snapshot() {
        return io.routesync.testing.RoutingSnapshot.of(ns);
    }

    @Test
    void aHostThatDiffersAfterTheBatchIsRolledBackAndSaysWhatDiffered() throws Exception {
        ns.ip("route", "add", "10.10.0.0/16", "via", "192.0.2.99", "dev", "d0", "table", "100");
        String before = snapshot();
        Target meddling = meddling(LocalTarget.netns(ns.name()),
                () -> ns.ip("route", "del", "default", "table", "100"), false);
        ApplyReport report = applyWith(meddling);
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, report.outcome());
        assertEquals(1, report.remaining().changes().size(), "the deleted default route is what differed");
        assertTrue(report.remaining().changes().get(0).entry().toString().contains("0.0.0.0"), report.remaining().toString());
        assertEquals(before, snapshot(), "the replaced route is back, the added rule and route are gone");
    }

    @Test
    void aRollbackThatCannotCompleteSaysWhatIsLeft() throws Exception {
        // the replaced route's old gateway sits on d0; once d0 is gone the way back cannot be applied
        ns.ip("route", "add", "10.10.0.0/16", "via", "192.0.2.99", "dev", "d0", "table", "100");
        Target meddling = meddling(LocalTarget.netns(ns.name()), () -> ns.ip("link", "del", "d0"), false);
        ApplyReport report = applyWith(meddling);
        assertEquals(ApplyReport.Outcome.ROLLBACK_FAILED, report.outcome());
        assertTrue(report.remaining() != null && !report.remaining().isEmpty(), "it names what the host still lacks");
        assertTrue(report.remaining().changes().stream().anyMatch(c -> c.entry().toString().contains("10.10.0.0")),
                report.remaining().changes().toString());
    }

    @Test
    void aConnectionLostAfterTheBatchIsFollowedByAReadAndARollback() throws Exception {
        String before = snapshot();
        ApplyReport report = applyWith(meddling(LocalTarget.netns(ns.name()), () -> { }, true));
        assertEquals(ApplyReport.Outcome.FAILED_ROLLED_BACK, report.outcome());
        assertTrue(report.failure().message().startsWith("the apply did not complete: connection to netns "), report.failure().message());
        assertEquals(before, snapshot());
    }

    /**
     * A target whose apply script's re-read (from the first apply on) and, with {@code readsToo}, every
     * later read come back with a line no grammar knows.
     */
    private Target garbling(boolean readsToo) throws TransportException {
        boolean[] applied = {false};
        return new InterceptedTarget(LocalTarget.netns(ns.name()), (real, script, args, stdin, timeout) -> {
            ScriptResult r = real.run(script, args, stdin, timeout);
            boolean apply = script.equals(Script.APPLY.text());
            applied[0] |= apply;
            if (!apply && !(readsToo && applied[0] && script.equals(Script.READ.text()))) return r;
            String out = r.stdout();
            int at = apply ? out.indexOf(args.get(0) + " reread\n") : 0;
            String reread = out.substring(at).replace("10.10.0.0/16 via 192.0.2.253 dev d0", "10.10.0.0/16 via 192.0.2.253 dev d0 frobnicate 7");
            return new ScriptResult(r.exitCode(), out.substring(0, at) + reread, r.stderr());
        });
    }

    /**
     * A dump cut short in the batch's session (the kernel interrupts a dump while routes change under it)
     * is read once more on its own, and the apply verifies against that reading.
     */
    @Test
    void aReReadCutShortOnceIsReadAgainAndTheApplyVerifies() throws Exception {
        ApplyReport report = applyWith(garbling(false));
        assertEquals(ApplyReport.Outcome.APPLIED, report.outcome(), report::toString);
        assertTrue(ns.ip("route", "show", "table", "100").contains("10.10.0.0/16"), "the batch stays");
    }

    /** Issue 16 item 2: a host whose re-read fails after its batch ran (and again apart) is said to be changed, with the batch's lines. */
    @Test
    void aHostUnreadableAfterTheBatchIsSaidToBeChangedWithWhatTheBatchHeld() throws Exception {
        TransportException e = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class, () -> applyWith(garbling(true)));
        String m = e.getMessage();
        assertTrue(m.contains("was changed: its batch ran"), m);
        assertTrue(m.contains("frobnicate"), "names the line it could not read: " + m);
        assertTrue(m.contains("ip route add 10.10.0.0/16 via 192.0.2.253 dev d0 table 100"), "lists the batch: " + m);
        assertTrue(!m.toLowerCase(java.util.Locale.ROOT).contains("nothing was changed"), m);
        assertTrue(ns.ip("route", "show", "table", "100").contains("10.10.0.0/16"), "the batch did run");
    }
}
