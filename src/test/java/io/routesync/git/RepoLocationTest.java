package io.routesync.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RepoLocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://git.example.org/net/routing.git", "ssh://git@git.example.org/net/routing.git",
        "file:///srv/git/routing.git", "git@git.example.org:net/routing.git", "http://h/r"})
    void urlsAreRemote(String url) {
        assertTrue(RepoLocation.parse(url).remote());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/git/routing", "routing", "./a:b", "../checkout", "c:/x"})
    void pathsAreLocal(String path) {
        assertFalse(RepoLocation.parse(path).remote());
    }

    @Test
    void unsupportedSchemesAreRefusedBeforeAnyFetch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RepoLocation.parse("ftp://h/r.git"));
        assertTrue(e.getMessage().contains("unsupported scheme ftp://"), e.getMessage());
    }

    @Test
    void passwordsNeverReachMessages() {
        assertEquals("https://ci:***@git.example.org/r.git", RepoLocation.parse("https://ci:s3cret@git.example.org/r.git").display());
        assertEquals("https://git.example.org/r.git", RepoLocation.parse("https://git.example.org/r.git").display());
        RepoLocation secret = RepoLocation.parse("https://ci:s3cret@git.example.org/r.git");
        assertEquals("https://ci:***@git.example.org/r.git: not authorized (also https://u:***@h/x)",
                secret.redact("https://ci:s3cret@git.example.org/r.git: not authorized (also https://u:p@h/x)"));
    }

    @Test
    void cacheNamesAreReadableAndDistinct() {
        String a = RepoLocation.parse("https://git.example.org/net/routing.git").cacheName();
        String b = RepoLocation.parse("https://other.example.org/net/routing.git").cacheName();
        assertTrue(a.matches("routing-[0-9a-f]{16}\\.git"), a);
        assertNotEquals(a, b);
        assertTrue(RepoLocation.parse("file:///").cacheName().matches("repo-[0-9a-f]{16}\\.git"));
        assertTrue(RepoLocation.parse("git@h:../../etc").cacheName().matches("etc-[0-9a-f]{16}\\.git"));
    }
}
