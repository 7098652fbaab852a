package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.git.SshSigningKey;
import io.routesync.git.TestRepo;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull --require-signed: a commit signed by an allowed key is applied; anything else is refused, nothing applied. */
class PullSignedNetnsTest {
    @TempDir
    Path dir;
    Netns ns;
    TestRepo repo;
    SshSigningKey alice;
    SshSigningKey mallory;
    Path allowed;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("signed");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        alice = SshSigningKey.create(dir.resolve("alice"), "ed25519");
        mallory = SshSigningKey.create(dir.resolve("mallory"), "ed25519");
        allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, alice.allowedLine("alice@example.org") + "\n");
        repo = TestRepo.init(dir.resolve("remote"));
        repo.write("inventory/hosts.yml", PullNetnsTest.INVENTORY);
    }

    @AfterEach
    void tearDown() {
        if (repo != null) repo.close();
        if (ns != null) ns.close();
    }

    CliRunner.Result pull(String... extra) {
        List<String> args = new ArrayList<>(List.of("pull", "--repo", "file://" + repo.dir(), "--ref", "main", "--host", "edge1",
                "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString(), "--cache-dir", dir.resolve("cache").toString(), "--no-color",
                "--require-signed", "--allowed-signers", allowed.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args);
    }

    boolean applied() {
        return ns.ip("rule", "show").contains("1000:\tfrom 192.168.2.10 lookup 102");
    }

    @Test
    void aCommitSignedByAnAllowedKeyIsApplied() {
        RevCommit signed = repo.write("states/uplink.yml", PullNetnsTest.state(1000, null)).commitSigned("signed", alice.privateKey());
        CliRunner.Result run = pull("-v");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("commit " + signed.name().substring(0, 12) + " (main) is signed by alice@example.org (key SHA256:"),
                run::toString);
        assertTrue(applied());
    }

    @Test
    void anUnsignedCommitIsRefusedAndNothingApplied() throws Exception {
        RevCommit unsigned = repo.write("states/uplink.yml", PullNetnsTest.state(1000, null)).commit("not signed");
        Path report = dir.resolve("report.json");
        CliRunner.Result run = pull("--report", report.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("error: commit " + unsigned.name().substring(0, 12) + " (main) is refused: it is not signed."
                + " Nothing was applied to netns " + ns.name() + " (host edge1).\n", run.err());
        assertFalse(applied());
        assertFalse(Files.exists(dir.resolve("state/records")), "no record: nothing ran");
        assertTrue(Files.readString(report).contains("\"result\":\"refused\""), Files.readString(report));
    }

    @Test
    void aCommitSignedByAnotherKeyIsRefusedAndNothingApplied() {
        RevCommit bad = repo.write("states/uplink.yml", PullNetnsTest.state(1000, null)).commitSigned("mallory's", mallory.privateKey());
        CliRunner.Result run = pull();
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("error: commit " + bad.name().substring(0, 12) + " (main) is refused: its SSH signature (key SHA256:"),
                run::toString);
        assertFalse(applied());
    }

    @Test
    void aSignedCommitOnTopOfAnUnsignedOneIsJudgedByItself() {
        repo.write("states/uplink.yml", PullNetnsTest.state(1000, null)).commit("not signed");
        assertEquals(1, pull().exitCode());
        repo.write("states/uplink.yml", PullNetnsTest.state(1000, "10.99.0.0/16 via 192.168.2.1 dev eth1")).commitSigned("signed", alice.privateKey());
        CliRunner.Result run = pull();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(applied());
    }

    /** Moves main back to {@code commit}, as a force-push to the remote does. */
    void forcePush(RevCommit commit) throws Exception {
        RefUpdate u = repo.git().getRepository().updateRef("refs/heads/main");
        u.setNewObjectId(commit);
        u.setForceUpdate(true);
        assertEquals(RefUpdate.Result.FORCED, u.update());
    }

    @Test
    void aForcePushBackToAnOlderSignedCommitIsRefusedUnlessAllowRewind() throws Exception {
        RevCommit older = repo.write("states/uplink.yml", PullNetnsTest.state(1000, null)).commitSigned("older", alice.privateKey());
        assertEquals(0, pull().exitCode());
        RevCommit newer = repo.write("states/uplink.yml", PullNetnsTest.state(1000, "10.99.0.0/16 via 192.168.2.1 dev eth1"))
                .commitSigned("newer", alice.privateKey());
        assertEquals(0, pull().exitCode());
        assertTrue(ns.ip("route", "show", "table", "102").contains("10.99.0.0/16"));

        forcePush(older);
        Path report = dir.resolve("report.json");
        CliRunner.Result refused = pull("--report", report.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertEquals("error: commit " + older.name().substring(0, 12) + " (main) is refused: it does not descend from commit "
                + newer.name().substring(0, 12) + ", the one last applied (the ref was moved back or its history rewritten, as by a"
                + " force-push). Nothing was applied to netns " + ns.name() + " (host edge1). To apply it anyway, run pull again with"
                + " --allow-rewind.\n", refused.err());
        assertTrue(ns.ip("route", "show", "table", "102").contains("10.99.0.0/16"), "nothing was rolled back");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals("refused", json.get("result").asText());
        assertEquals(1, json.get("exit_code").asInt());
        assertEquals(newer.name(), json.get("rewind").get("last_commit").asText());
        assertFalse(json.get("rewind").get("allowed").asBoolean());
        assertTrue(json.get("reason").asText().contains("does not descend from commit " + newer.name().substring(0, 12)), json::toString);

        CliRunner.Result allowed = pull("--allow-rewind", "--report", report.toString());
        assertEquals(0, allowed.exitCode(), allowed::toString);
        assertTrue(allowed.err().startsWith("warning: commit " + older.name().substring(0, 12) + " (main) does not descend from commit "
                + newer.name().substring(0, 12) + ", the one last applied"), allowed::toString);
        assertTrue(allowed.err().contains("; applying it because of --allow-rewind\n"), allowed::toString);
        assertFalse(ns.ip("route", "show", "table", "102").contains("10.99.0.0/16"), "the older commit was applied");
        json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals("applied", json.get("result").asText());
        assertTrue(json.get("rewind").get("allowed").asBoolean());

        // the older commit is now the last applied: the same commit again is a quiet no-op
        CliRunner.Result again = pull();
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("", again.err());
        assertEquals("", again.out());
    }

    @Test
    void aLastAppliedCommitTheRepositoryDoesNotHaveIsARewindToo() throws Exception {
        RevCommit signed = repo.write("states/uplink.yml", PullNetnsTest.state(1000, null)).commitSigned("signed", alice.privateKey());
        Files.createDirectories(dir.resolve("state"));
        String unknown = "0123456789abcdef0123456789abcdef01234567";
        Files.writeString(dir.resolve("state/pull-last.json"), "{\"format_version\":\"1\",\"commit\":\"" + unknown + "\"}\n");
        CliRunner.Result run = pull();
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("error: commit " + signed.name().substring(0, 12) + " (main) is refused: it cannot be shown to"
                + " descend from commit 0123456789ab, the one last applied, which is not in the repository"), run::toString);
        assertFalse(applied());
        assertEquals(0, pull("--allow-rewind").exitCode());
        assertTrue(applied());
    }
}
