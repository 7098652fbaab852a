package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.state.KeptState;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.testing.InterceptedTarget;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Script;
import io.routesync.transport.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the kept state is proven (read back as the state) once per text, not on every apply. The host
 * keeps the digest of the proof beside the text; the read reports it; an apply of the same state sends
 * the same text again but no new digest, and proves nothing.
 */
class KeptCopyNetnsTest {
    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = SafetyNetns.host("kept");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    @Test
    void theHostKeepsTheDigestOfTheProofAndAnApplyOfTheSameStateSendsNoNewOne() throws Exception {
        List<String> applyInputs = new ArrayList<>();
        Target recording = new InterceptedTarget(LocalTarget.netns(ns.name()), (inner, script, args, stdin, timeout) -> {
            if (script.equals(Script.APPLY.text())) applyInputs.add(new String(stdin, StandardCharsets.UTF_8));
            return inner.run(script, args, stdin, timeout);
        });
        Reconciler r = SafetyNetns.reconciler(recording, SafetyNetns.paths(ns, dir));
        LoadedState loaded = SafetyNetns.load(SafetyNetns.STATE);
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        apply(r, loaded, own);

        String text = KeptState.text(loaded.state(), own.protocolTag());
        String digest = KeptState.digest(text, own.protocolTag(), SafetyNetns.inputs().version());
        assertEquals(text, Files.readString(dir.resolve("state/desired.yaml")));
        assertEquals(digest + "\n", Files.readString(dir.resolve("state/" + KeptState.DIGEST_FILE)));
        assertTrue(applyInputs.get(0).contains(" part desired-digest\n" + digest + "\n"), applyInputs.get(0));
        assertEquals(digest, r.observe(loaded.state()).keptDigest(), "the read reports the digest");

        // drift, then the same state again: the same text, no new digest
        ns.ip("route", "del", "default", "table", "102");
        apply(r, loaded, own);
        assertEquals(2, applyInputs.size());
        assertTrue(applyInputs.get(1).contains(" part desired\n"), applyInputs.get(1));
        assertFalse(applyInputs.get(1).contains(" part desired-digest\n"), applyInputs.get(1));
        assertEquals(text, Files.readString(dir.resolve("state/desired.yaml")));

        // a digest file that is not a digest is no proof: the next apply proves and writes it again
        Files.writeString(dir.resolve("state/" + KeptState.DIGEST_FILE), "not a digest\n");
        assertEquals(null, r.observe(loaded.state()).keptDigest());
        ns.ip("route", "del", "default", "table", "102");
        apply(r, loaded, own);
        assertTrue(applyInputs.get(2).contains(" part desired-digest\n" + digest + "\n"), applyInputs.get(2));
        assertEquals(digest + "\n", Files.readString(dir.resolve("state/" + KeptState.DIGEST_FILE)));
    }

    private static void apply(Reconciler r, LoadedState loaded, Ownership own) throws Exception {
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        assertFalse(plan.isEmpty());
        ApplyReport report = r.apply(loaded.state(), own, reading, plan, SafetyNetns.inputs(), false, p -> { });
        assertEquals(ApplyReport.Outcome.APPLIED, report.outcome(), report::toString);
    }
}
