package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.KeptState;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.model.Ownership;
import io.routesync.run.HostJob;
import io.routesync.run.HostSpec;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept copy in a session (STATE_DIR/desired.yaml, {@link KeptCopy#inSession}) on a real kernel: the host
 * keeps the key of the inputs its copy was rendered from (desired.inputs, with the copy's sha256sum), so an
 * apply of the same inputs sends no copy at all and leaves it byte for byte; changed inputs send it again,
 * and so does a host whose copy was changed or removed since (as every apply did before).
 */
class KeptInputsNetnsTest {
    /** The state, its default gateway a variable. */
    private static final String STATE = SafetyNetns.STATE.replace("default via 198.51.100.1 dev d1", "default via {{ gw }} dev d1");
    private static final List<String> ALL = List.of("desired", "desired-digest", "desired-inputs", "record");

    @TempDir
    Path dir;
    private Netns ns;
    private CountingTarget target;

    @BeforeEach
    void setUp() {
        io.routesync.testing.KernelAccess.require();
        ns = SafetyNetns.host("keptin");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    @Test
    void aSecondApplyOfTheSameInputsSendsNoCopyAndLeavesItAsItWas() throws Exception {
        apply(STATE, "198.51.100.1");
        assertEquals(ALL, target.late, "the first apply sends the copy, its proof and its inputs' key");
        byte[] kept = Files.readAllBytes(state("desired.yaml"));
        String[] line = Files.readString(state("desired.inputs")).strip().split(" ");
        assertEquals(2, line.length);
        assertEquals(sha256(kept), line[1], "the key is kept with the copy's digest");

        drift();
        apply(STATE, "198.51.100.1");
        assertEquals(List.of("record"), target.late, "the same inputs: no copy sent, only the record");
        assertArrayEquals(kept, Files.readAllBytes(state("desired.yaml")));
        assertEquals(String.join(" ", line) + "\n", Files.readString(state("desired.inputs")));
        // and the copy is still the state applied
        LoadedState loaded = load(STATE, "198.51.100.1");
        assertEquals(loaded.state(), KeptState.read("kept", new String(kept, java.nio.charset.StandardCharsets.UTF_8), 245).state());
    }

    @Test
    void aStateWithExpectationsIsReadWideAndStillSentNoCopy() throws Exception {
        // the wide part (and the expectations' flows) come after the key in the session's output
        String withExpect = STATE + "expect:\n  - { from: 198.51.100.10, to: 203.0.113.5, via: 198.51.100.1, dev: d1, table: uplink2 }\n";
        apply(withExpect, "198.51.100.1");
        assertEquals(ALL, target.late);
        drift();
        apply(withExpect, "198.51.100.1");
        assertEquals(List.of("record"), target.late);
    }

    @Test
    void changedInputsSendTheCopyAgain() throws Exception {
        apply(STATE, "198.51.100.1");
        String key = Files.readString(state("desired.inputs"));
        // the same files, another value of their variable: another state, another key
        drift();
        apply(STATE, "198.51.100.2");
        assertEquals(List.of("desired", "desired-digest", "desired-inputs", "record"), target.late);
        assertTrue(Files.readString(state("desired.yaml")).contains("default via 198.51.100.2 dev d1"));
        assertNotEquals(key, Files.readString(state("desired.inputs")));
        assertTrue(ns.ip("route", "show", "table", "102").contains("default via 198.51.100.2"), ns.ip("route", "show", "table", "102"));
    }

    @Test
    void aCopyChangedOrRemovedOnTheHostIsWrittenAgain() throws Exception {
        apply(STATE, "198.51.100.1");
        byte[] kept = Files.readAllBytes(state("desired.yaml"));
        String inputs = Files.readString(state("desired.inputs"));

        // changed on the host: its digest no longer matches the one kept with the key, so the copy is sent
        // (without its proof: the host still has that) and written again
        Files.writeString(state("desired.yaml"), "routes: {}\n", java.nio.file.StandardOpenOption.APPEND);
        drift();
        apply(STATE, "198.51.100.1");
        assertEquals(List.of("desired", "desired-inputs", "record"), target.late);
        assertArrayEquals(kept, Files.readAllBytes(state("desired.yaml")));
        assertEquals(inputs, Files.readString(state("desired.inputs")));

        // removed: the same
        Files.delete(state("desired.yaml"));
        drift();
        apply(STATE, "198.51.100.1");
        assertEquals(List.of("desired", "desired-inputs", "record"), target.late);
        assertArrayEquals(kept, Files.readAllBytes(state("desired.yaml")));

        // a key file that does not name a digest reports nothing either
        Files.writeString(state("desired.inputs"), inputs.strip().split(" ")[0] + "\n");
        drift();
        apply(STATE, "198.51.100.1");
        assertEquals(List.of("desired", "desired-inputs", "record"), target.late);
        assertEquals(inputs, Files.readString(state("desired.inputs")));
    }

    @Test
    void anApplyWithNothingToChangeHashesNoInputs() throws Exception {
        AtomicInteger digests = new AtomicInteger();
        LoadedState loaded = load(STATE, "198.51.100.1");
        for (int run = 0; run < 2; run++) {
            target = new CountingTarget(LocalTarget.netns(ns.name()));
            ApplyRecord.Inputs inputs = ApplyRecord.Inputs.loaded(() -> "digest " + digests.incrementAndGet(), null, "test");
            HostSpec spec = new HostSpec(target.name(), null, SafetyNetns.paths(ns, dir), loaded, new Ownership(loaded.state().ownedTables(), 245),
                    inputs);
            HostJob job = new HostJob(spec, target, new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
            HostJob.Converged c = job.converge(new ApplySafety(null, false, List.of("ssh")), HostJob.OPEN);
            assertNull(c.applied().failure());
        }
        // the first apply's record and kept copy need the digest; the second has no batch, so nothing is made
        // for one (the digest, the kept copy, the reading's fingerprint are worked out only once there is a batch)
        assertEquals(1, digests.get());
        assertEquals(List.of(), target.late);
    }

    /** Takes the default route of table 102 out, so the next apply has a batch. */
    private void drift() {
        ns.ip("route", "del", "default", "table", "102");
    }

    private void apply(String yaml, String gw) throws Exception {
        LoadedState loaded = load(yaml, gw);
        target = new CountingTarget(LocalTarget.netns(ns.name()));
        HostSpec spec = HostSpec.of(target.name(), null, SafetyNetns.paths(ns, dir), loaded, 245, List.of(new SourceFile("state.yml", yaml)),
                vars(gw), null, "test");
        HostJob job = new HostJob(spec, target, new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
        HostJob.Converged c = job.converge(new ApplySafety(null, false, List.of("ssh")), HostJob.OPEN);
        assertNull(c.stopped());
        assertNull(c.applied().failure(), () -> c.applied().failure().reason());
        assertEquals(ApplyReport.Outcome.APPLIED, c.applied().report().outcome());
    }

    private static LoadedState load(String yaml, String gw) throws Exception {
        return StateLoader.load(List.of(new SourceFile("state.yml", yaml)), vars(gw), 245);
    }

    private static Variables vars(String gw) {
        return Variables.commandLine(Map.of("gw", gw));
    }

    private Path state(String name) {
        return dir.resolve("state").resolve(name);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
