package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
    void helpNamesEveryOption() {
        CliRunner.Result r = CliRunner.run("pull", "--help");
        assertEquals(0, r.exitCode());
        for (String option : new String[] {"--repo", "--ref", "--host", "--cache-dir", "--netns", "--etc-dir", "--state-dir", "--lock-dir",
            "--splay", "--only-if-changed", "--report", "--require-signed", "--allowed-signers", "--verbose"}) {
            assertTrue(r.out().contains(option), option + "\n" + r.out());
        }
    }
}
