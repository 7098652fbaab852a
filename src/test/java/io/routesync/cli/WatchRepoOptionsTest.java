package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** watch --repo's options: what takes the place of what, the interval's bounds, and options that need --repo. Nothing runs. */
class WatchRepoOptionsTest {

    private static void refused(String expected, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
        assertEquals("error: " + expected, r.err().lines().findFirst().orElse(""), r::toString);
    }

    @Test
    void repoOptionsWithoutRepoAreRefused() {
        for (List<String> o : List.of(List.of("--interval", "60"), List.of("--ref", "main"), List.of("--host", "edge1"), List.of("--states", "s"),
                List.of("--allow-rewind"), List.of("--require-signed"), List.of("--cache-dir", "/tmp/c"))) {
            String[] args = new String[o.size() + 1];
            args[0] = "watch";
            for (int i = 0; i < o.size(); i++) args[i + 1] = o.get(i);
            refused(o.get(0) + " applies only with --repo URL|PATH, when watch follows a git repository; without --repo, watch takes its state from -f or from the state the last apply kept", args);
        }
    }

    @Test
    void repoTakesThePlaceOfStateFilesAndTheKeptState() {
        refused("--repo takes the desired state from the repository: it takes no -f (drop --repo to watch over state files)",
                "watch", "--repo", "/tmp/r", "-f", "edge.yml");
        refused("--last watches over the kept desired state: it takes no --repo", "watch", "--repo", "/tmp/r", "--last");
        refused("--var fills in state files given with -f; with --repo the inventory gives the values", "watch", "--repo", "/tmp/r", "--var", "a=b");
        refused("--limit selects inventory hosts to work on over SSH; watch --repo takes one host's state: give it with --host NAME",
                "watch", "--repo", "/tmp/r", "--limit", "edge");
    }

    @Test
    void theIntervalIsBounded() {
        refused("--interval 0 is out of range (1-86400 seconds)", "watch", "--repo", "/tmp/r", "--interval", "0");
        refused("--interval 86401 is out of range (1-86400 seconds)", "watch", "--repo", "/tmp/r", "--interval", "86401");
    }

    @Test
    void allowedSignersAreCheckedAsForPull() {
        refused("--require-signed needs --allowed-signers FILE (git's allowed_signers format: 'PRINCIPAL namespaces=\"git\" ssh-ed25519 AAAA...'"
                + " per line)", "watch", "--repo", "/tmp/r", "--require-signed");
    }
}
