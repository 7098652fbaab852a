package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan --out FILE and apply FILE from the command line, on a namespace: the saved plan converges an
 * unchanged host and only once; it is refused as stale after a hand-made change and when the file was
 * edited, with nothing applied; --json and --out go together; apply --confirm on a namespace (the
 * "new connection" is a new process there) is confirmed at once.
 */
class SavedPlanCliTest {
    private static final String STATE = String.join("\n",
            "tables: { uplink2: 102 }",
            "rules:",
            "  - { priority: 1000, from: 198.51.100.10, table: uplink2 }",
            "routes:",
            "  uplink2:",
            "    - \"198.51.100.0/24 dev d1 scope link src 198.51.100.10\"",
            "    - \"default via 198.51.100.1 dev d1\"",
            "");

    @TempDir
    Path dir;
    Netns ns;
    Path state;
    Path plan;

    @BeforeEach
    void setUp() throws IOException {
        KernelAccess.require();
        ns = Netns.create("savedcli");
        ns.vethPair("d0", "d0p");
        ns.vethPair("d1", "d1p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        ns.ip("address", "add", "198.51.100.10/24", "dev", "d1");
        ns.ip("route", "add", "default", "via", "192.0.2.254", "dev", "d0");
        state = Files.writeString(dir.resolve("state.yml"), STATE);
        plan = dir.resolve("plans").resolve("edge.plan");
        Files.createDirectories(plan.getParent());
    }

    @AfterEach
    void tearDown() throws IOException {
        // a test that failed half-way may leave a timer waiting
        io.routesync.testing.ConfirmTimers.stop(dir.resolve("routesync"));
        if (ns != null) ns.close();
    }

    private List<String> target() {
        return List.of("--netns", ns.name(), "--etc-dir", dir.resolve("iproute2").toString(), "--state-dir", dir.resolve("routesync").toString(),
                "--lock-dir", dir.resolve("routesync").toString());
    }

    private CliRunner.Result plan(String... more) {
        List<String> a = new ArrayList<>(List.of("plan", "-f", state.toString(), "--out", plan.toString()));
        a.addAll(target());
        a.addAll(List.of(more));
        return CliRunner.run(a);
    }

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    /** What the state touches (not the IPv6 routes the kernel adds to a new link by itself, a moment later): equal means untouched. */
    private String snapshot() {
        return io.routesync.testing.RoutingSnapshot.of(ns);
    }

    @Test
    void aSavedPlanConvergesTheUnchangedNamespaceExactlyOnce() throws IOException {
        CliRunner.Result saved = plan();
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);
        assertTrue(saved.out().contains("Plan: 4 to add, 0 to change, 0 to delete.\n\nSaved the plan to " + plan + ".\n"
                + "To apply exactly this plan, run: routesync apply " + plan + "\n"), saved::toString);
        try (Stream<Path> files = Files.list(plan.getParent())) {
            assertEquals(List.of(plan), files.toList(), "written by renaming a temporary file, which is gone");
        }
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "plan --out changes nothing");

        CliRunner.Result applied = run("apply", plan.toString());
        assertEquals(ExitCodes.OK, applied.exitCode(), applied::toString);
        assertTrue(applied.out().startsWith("routesync will perform these changes on netns " + ns.name() + ":\n"), applied::toString);
        assertTrue(applied.out().contains("Apply complete: 4 added, 0 changed, 0 deleted.\n"), applied::toString);
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 198.51.100.10 lookup 102 proto 245"));
        String digest = new ObjectMapper().readTree(Files.readString(plan)).get("plan").get("inputs").get("digest").asText();
        String record = Files.readString(dir.resolve("routesync/records/last.json"));
        assertTrue(record.contains("\"inputs_digest\":\"" + digest + "\""), "the record names the plan's inputs: " + record);

        List<String> check = new ArrayList<>(List.of("plan", "-f", state.toString(), "--detailed-exitcode"));
        check.addAll(target());
        CliRunner.Result again = CliRunner.run(check);
        assertEquals(ExitCodes.OK, again.exitCode(), again::toString);

        // the host is no longer the one the plan was made for
        String before = snapshot();
        CliRunner.Result twice = run("apply", plan.toString());
        assertEquals(ExitCodes.FAILED, twice.exitCode(), twice::toString);
        assertTrue(twice.err().contains("plan is stale"), twice::toString);
        assertEquals(before, snapshot());
    }

    @Test
    void aHandMadeChangeOfTheOwnedStateMakesTheSavedPlanStale() {
        assertEquals(ExitCodes.OK, plan().exitCode());
        ns.ip("route", "add", "10.9.0.0/16", "dev", "d1", "table", "102");
        String before = snapshot();
        CliRunner.Result r = run("apply", plan.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: plan is stale: netns " + ns.name() + ": its owned rules, routes or table names changed"
                + " since the plan was made"), r::toString);
        assertTrue(r.err().contains("nothing was applied there. Run plan again."), r::toString);
        assertEquals(before, snapshot(), "nothing applied");
    }

    @Test
    void anEditedPlanFileIsRefusedBeforeTheHostIsTouched() throws IOException {
        assertEquals(ExitCodes.OK, plan().exitCode());
        String text = Files.readString(plan);
        String edited = text.replace("198.51.100.1", "198.51.100.66");
        assertFalse(edited.equals(text));
        Files.writeString(plan, edited);
        String before = snapshot();
        CliRunner.Result r = run("apply", plan.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: " + plan + ": the plan file was changed after it was written"), r::toString);
        assertTrue(r.err().contains("Nothing was applied"), r::toString);
        assertEquals("", r.out());
        assertEquals(before, snapshot());

        CliRunner.Result missing = run("apply", dir.resolve("nothing-here").toString());
        assertEquals(ExitCodes.FAILED, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no such file. Nothing was applied."), missing::toString);
    }

    /** A root-owned directory that group and others cannot write, like /etc/sudoers.d: a place data must not pick. */
    private Path sudoersLike() throws IOException {
        Path d = Files.createDirectories(dir.resolve("etc-copy/sudoers.d"));
        Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        return d;
    }

    private void rewriteTarget(String field, String value) throws Exception {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(plan));
        JsonNode body = root.get("plan");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("hosts").get(0).get("target")).put(field, value);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((io.routesync.saved.SavedPlan.FORMAT + " " + io.routesync.saved.SavedPlan.FORMAT_VERSION + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(json.writeValueAsBytes(body));
        root.put("sha256", java.util.HexFormat.of().formatHex(sha.digest()));
        Files.writeString(plan, json.writeValueAsString(root));
    }

    /** A plan file is data: the directories it records must be named iproute2 / routesync, or it writes nothing anywhere. */
    @Test
    void aPlanFileCannotChooseWhereFilesAreWritten() throws Exception {
        Path sudoers = sudoersLike();
        String[][] cases = {
            {"state_dir", sudoers.toString(), "state_dir '" + sudoers + "' does not end in /routesync"},
            {"etc_dir", sudoers.toString(), "etc_dir '" + sudoers + "' does not end in /iproute2"},
            {"lock_file", sudoers + "/routesync-netns-" + ns.name() + ".lock", "is in a directory that does not end in /routesync"},
            {"state_dir", dir.resolve("routesync/../etc-copy/sudoers.d/routesync").toString(), "is not normalised"},
        };
        for (String[] c : cases) {
            assertEquals(ExitCodes.OK, plan().exitCode());
            rewriteTarget(c[0], c[1]);
            String before = snapshot();
            CliRunner.Result r = run("apply", plan.toString());
            assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("error: " + plan + ": hosts[0] ("), r::toString);
            assertTrue(r.err().contains(c[2]), r::toString);
            assertTrue(r.err().contains("last component is"), "the rule is named: " + r);
            assertTrue(r.err().contains("Nothing was applied"), r::toString);
            assertEquals(before, snapshot());
            try (Stream<Path> files = Files.list(sudoers)) {
                assertEquals(List.of(), files.toList(), "nothing was written there: " + c[0]);
            }
        }
    }

    /** The operator's own options are not limited; only recording them in a plan file is (apply FILE would refuse it). */
    @Test
    void commandLineDirectoriesGoAnywhereButIntoAPlanFile() throws Exception {
        Path sudoers = sudoersLike();
        List<String> anywhere = List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", sudoers.toString(),
                "--lock-dir", dir.toString());
        List<String> apply = new ArrayList<>(List.of("apply", "-f", state.toString(), "--auto-approve"));
        apply.addAll(anywhere);
        CliRunner.Result applied = CliRunner.run(apply);
        assertEquals(ExitCodes.OK, applied.exitCode(), applied::toString);
        assertTrue(Files.exists(sudoers.resolve("tables")), "the footprint went where the operator said");

        List<String> out = new ArrayList<>(List.of("plan", "-f", state.toString(), "--out", plan.toString()));
        out.addAll(anywhere);
        CliRunner.Result r = CliRunner.run(out);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--out: --etc-dir '" + dir.resolve("etc") + "' does not end in /iproute2"), r::toString);
        assertFalse(Files.exists(plan), "no plan file was written");
    }

    /** A plan file's paths are data: a bad one, with the sha256 recomputed, is the file's error, not a crash. */
    @Test
    void aPlanFileWithABadPathIsRefusedAsThePlanFilesError() throws Exception {
        assertEquals(ExitCodes.OK, plan().exitCode());
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(plan));
        JsonNode body = root.get("plan");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("hosts").get(0).get("target")).put("lock_file", "relative/lock");
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((io.routesync.saved.SavedPlan.FORMAT + " " + io.routesync.saved.SavedPlan.FORMAT_VERSION + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(json.writeValueAsBytes(body));
        root.put("sha256", java.util.HexFormat.of().formatHex(sha.digest()));
        Files.writeString(plan, json.writeValueAsString(root));
        String before = snapshot();
        CliRunner.Result r = run("apply", plan.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: " + plan + ": hosts[0] (" ), r::toString);
        assertTrue(r.err().contains("lock_file 'relative/lock' is not an absolute path"), r::toString);
        assertTrue(r.err().contains("Nothing was applied"), r::toString);
        assertFalse(r.err().contains("unexpectedly"), r::toString);
        assertEquals(before, snapshot());
    }

    @Test
    void aPlanFileDecidesItsHostsAndStates() {
        assertEquals(ExitCodes.OK, plan().exitCode());
        CliRunner.Result withState = run("apply", plan.toString(), "-f", state.toString());
        assertEquals(ExitCodes.USAGE, withState.exitCode(), withState::toString);
        assertTrue(withState.err().contains("-f and -i cannot be combined with " + plan), withState::toString);
        CliRunner.Result withTarget = run("apply", plan.toString(), "--netns", ns.name(), "--var", "a=b");
        assertEquals(ExitCodes.USAGE, withTarget.exitCode(), withTarget::toString);
        assertTrue(withTarget.err().contains("--var, --netns: not with a plan file"), withTarget::toString);
        CliRunner.Result stateNotPlan = run("apply", state.toString());
        assertEquals(ExitCodes.FAILED, stateNotPlan.exitCode(), stateNotPlan::toString);
        assertTrue(stateNotPlan.err().contains("this is not a routesync plan file"), stateNotPlan::toString);
        assertTrue(stateNotPlan.err().contains("(a desired-state file is given with -f FILE)"), stateNotPlan::toString);
        CliRunner.Result noDir = CliRunner.run("plan", "-f", state.toString(), "--out", dir.resolve("no/such/dir/p").toString());
        assertEquals(ExitCodes.USAGE, noDir.exitCode(), noDir::toString);
        assertFalse(ns.ip("rule", "show").contains("lookup 102"));
    }

    @Test
    void jsonAndOutGoTogetherAndApplyFileSpeaksJsonToo() throws IOException {
        CliRunner.Result saved = plan("--json");
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);
        JsonNode doc = new ObjectMapper().readTree(saved.out());
        assertEquals(4, doc.get("hosts").get(0).get("changes").size(), saved::toString);
        assertTrue(saved.err().contains("To apply exactly this plan, run: routesync apply " + plan), "the hint stays off stdout");

        CliRunner.Result applied = run("apply", plan.toString(), "--json");
        assertEquals(ExitCodes.OK, applied.exitCode(), applied::toString);
        JsonNode host = new ObjectMapper().readTree(applied.out()).get("hosts").get(0);
        assertEquals("netns " + ns.name(), host.get("host").asText());
        assertEquals("changed", host.get("status").asText());
        assertEquals("applied", host.get("outcome").asText());
    }

    @Test
    void confirmOnANamespaceIsConfirmedAtOnceOnEveryPath() {
        List<String> apply = new ArrayList<>(List.of("apply", "-f", state.toString(), "--auto-approve", "--confirm", "5"));
        apply.addAll(target());
        CliRunner.Result r = CliRunner.run(apply);
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Apply complete: 4 added, 0 changed, 0 deleted.\n"), r::toString);
        assertTrue(r.out().contains("Confirmed over a new connection: netns " + ns.name() + " is reachable and verified; the change stays.\n"),
                r::toString);
        List<String> status = new ArrayList<>(List.of("confirm", "--status"));
        status.addAll(target());
        CliRunner.Result s = CliRunner.run(status);
        assertTrue(s.out().contains("nothing awaits confirmation (last: confirmed at "), s::toString);

        // a saved plan, with --confirm too: take the rule away by hand, plan, apply the file
        ns.ip("rule", "del", "pref", "1000");
        assertEquals(ExitCodes.OK, plan().exitCode());
        CliRunner.Result file = run("apply", plan.toString(), "--confirm", "5");
        assertEquals(ExitCodes.OK, file.exitCode(), file::toString);
        assertTrue(file.out().contains("Apply complete: 1 added, 0 changed, 0 deleted.\nRecord: "), file::toString);
        assertTrue(file.out().contains("Confirmed over a new connection: netns " + ns.name()), file::toString);

        List<String> allow = new ArrayList<>(List.of("apply", "-f", state.toString(), "--auto-approve", "--allow-management-change"));
        allow.addAll(target());
        CliRunner.Result refused = CliRunner.run(allow);
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("--allow-management-change is for hosts reached over SSH"), refused::toString);
    }
}
