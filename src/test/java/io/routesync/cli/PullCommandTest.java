package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.git.GitSource;
import io.routesync.git.SshSigningKey;
import io.routesync.git.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull's command line: what it refuses before touching anything. */
class PullCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutRepoItIsAUsageError() {
        CliRunner.Result r = CliRunner.run("pull", "--cache-dir", dir.toString(), "--state-dir", dir.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals("error: pull needs --repo PATH|URL: the repository to take the desired state from\n", r.err());
    }

    @Test
    void requireSignedNeedsAnAllowedSignersFile() {
        CliRunner.Result r = CliRunner.run("pull", "--repo", dir.toString(), "--require-signed", "--cache-dir", dir.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: --require-signed needs --allowed-signers FILE"), r::toString);
        r = CliRunner.run("pull", "--repo", dir.toString(), "--require-signed", "--allowed-signers", dir.resolve("none").toString(),
                "--cache-dir", dir.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("no such readable file"), r::toString);
    }

    @Test
    void anUnsupportedUrlIsAUsageError() {
        CliRunner.Result r = CliRunner.run("pull", "--repo", "ftp://example.org/r.git", "--cache-dir", dir.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unsupported scheme ftp://"), r::toString);
    }

    @Test
    void aRepositoryThatCannotBeFetchedAndWasNeverFetchedIs69() {
        CliRunner.Result r = CliRunner.run("pull", "--repo", "file://" + dir.resolve("absent"), "--cache-dir", dir.resolve("cache").toString(),
                "--state-dir", dir.resolve("state").toString());
        assertEquals(69, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: cannot fetch file://" + dir.resolve("absent")), r::toString);
    }

    @Test
    void aTokenInTheUrlIsInNoMessageReportOrDebugTrace() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path report = dir.resolve("report.json");
        for (String url : List.of("https://ghp_S3cretT0ken@127.0.0.1:" + port + "/r.git", "https://ci:S3cretT0ken@127.0.0.1:" + port + "/r.git")) {
            CliRunner.Result r = CliRunner.run("pull", "--repo", url, "--cache-dir", dir.resolve("cache").toString(),
                    "--state-dir", dir.resolve("state").toString(), "--report", report.toString(), "--debug");
            assertEquals(69, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("error: cannot fetch https://***@127.0.0.1:" + port + "/r.git: "), r::toString);
            assertFalse(r.toString().contains("S3cretT0ken"), r::toString);
            String json = Files.readString(report);
            assertTrue(json.contains("\"repo\":\"https://***@127.0.0.1:" + port + "/r.git\""), json);
            assertFalse(json.contains("S3cretT0ken"), json);
        }
        CliRunner.Result r = CliRunner.run("pull", "--repo", "ftp://ci:S3cretT0ken@h/r.git", "--cache-dir", dir.toString());
        assertEquals(64, r.exitCode(), r::toString);
        assertFalse(r.toString().contains("S3cretT0ken"), r::toString);
        r = CliRunner.run("pull", "--repo", "https://example.org/r.git", "https://ci:S3cretT0ken@h/r.git");
        assertEquals(64, r.exitCode(), r::toString);
        assertFalse(r.toString().contains("S3cretT0ken"), r::toString);
    }

    @Test
    void theReportIsReadableByAMonitorAndALinkInItsPlaceIsNeverFollowed() throws Exception {
        Path report = dir.resolve("reports/pull.json");
        CliRunner.Result r = CliRunner.run("pull", "--repo", "file://" + dir.resolve("absent"), "--cache-dir", dir.resolve("cache").toString(),
                "--state-dir", dir.resolve("state").toString(), "--report", report.toString());
        assertEquals(69, r.exitCode(), r::toString);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)), "a monitor of its own user reads it");
        assertTrue(Files.readString(report).contains("\"result\""), Files.readString(report));

        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "keep\n");
        Files.delete(report);
        Files.createSymbolicLink(report, elsewhere);
        r = CliRunner.run("pull", "--repo", "file://" + dir.resolve("absent"), "--cache-dir", dir.resolve("cache").toString(),
                "--state-dir", dir.resolve("state").toString(), "--report", report.toString());
        assertEquals(69, r.exitCode(), r::toString);
        assertTrue(r.err().contains("warning: cannot write the report " + report + ": it is a symbolic link; routesync replaces only a regular file"
                + " there, and never follows a link"), r::toString);
        assertEquals("keep\n", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(report));
        try (var left = Files.list(report.getParent())) {
            assertEquals(List.of(report), left.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void helpNamesEveryOption() {
        CliRunner.Result r = CliRunner.run("pull", "--help");
        assertEquals(0, r.exitCode());
        for (String option : new String[] {"--repo", "--ref", "--host", "--cache-dir", "--netns", "--etc-dir", "--state-dir", "--lock-dir",
            "--splay", "--only-if-changed", "--allow-rewind", "--report", "--require-signed", "--allowed-signers", "--verbose"}) {
            assertTrue(r.out().contains(option), option + "\n" + r.out());
        }
    }

    @Test
    void repoOptionsGiveValidatePlanAndApplyTheSignedCommitOrRefuseIt() throws Exception {
        SshSigningKey alice = SshSigningKey.create(dir.resolve("alice"), "ed25519");
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, alice.allowedLine("alice@example.org") + "\n");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            RevCommit unsigned = repo.write("a", "a\n").commit("unsigned");
            RevCommit signed = repo.write("a", "b\n").commitSigned("signed", alice.privateKey());
            RepoOptions options = new RepoOptions();
            options.repo = repo.dir().toString();
            options.requireSigned = true;
            options.allowedSigners = allowed;
            options.cacheDir = dir.resolve("cache");
            StringWriter err = new StringWriter();
            try (GitSource source = options.open(Duration.ofSeconds(5))) {
                options.ref = "main";
                assertEquals(signed.name(), options.commit(source, new PrintWriter(err, true)).id());
                options.ref = "main~1";
                UserError e = assertThrows(UserError.class, () -> options.commit(source, new PrintWriter(err, true)));
                assertEquals(1, e.exitCode());
                assertEquals("commit " + unsigned.name().substring(0, 12) + " (main~1) is refused: it is not signed. Nothing was applied.",
                        e.getMessage());
            }
            assertEquals("", err.toString());
        }
    }
}
