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

    @ParameterizedTest
    @ValueSource(strings = {"https://h/r.git?private_token=S3CRET", "http://h/r.git?a=1&token=S3CRET", "git://h/r#S3CRET",
            "ssh://git@h/r.git?S3CRET", "https://u:pw@h/r.git?x=S3CRET"})
    void aQueryStringIsRefusedWithItsValuesMasked(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RepoLocation.parse(url));
        assertTrue(e.getMessage().contains("with a query string (?...) or fragment (#...) is not supported"), e.getMessage());
        assertFalse(e.getMessage().contains("S3CRET"), e.getMessage());
    }

    @Test
    void queryValuesAreMaskedInAnyMessage() {
        assertEquals("cannot fetch https://h/r.git?private_token=***&ref=***: 401",
                RepoLocation.maskCredentials("cannot fetch https://h/r.git?private_token=S3CRET&ref=main: 401"));
        assertEquals("'https://***@h/r?***'", RepoLocation.maskCredentials("'https://t0k@h/r?S3CRET'"));
        assertEquals("a file:///srv/r.git and https://h/r.git.", RepoLocation.maskCredentials("a file:///srv/r.git and https://h/r.git."));
    }

    @Test
    void credentialsNeverReachMessages() {
        assertEquals("https://***@git.example.org/r.git", RepoLocation.parse("https://ci:s3cret@git.example.org/r.git").display());
        assertEquals("https://***@git.example.org/r.git", RepoLocation.parse("https://ghp_T0KEN@git.example.org/r.git").display());
        assertEquals("https://git.example.org/r.git", RepoLocation.parse("https://git.example.org/r.git").display());
        assertEquals("http://***@h:8080/r.git", RepoLocation.parse("http://u:p%40ss@word@h:8080/r.git").display());
        assertEquals("ssh://git@h/r.git", RepoLocation.parse("ssh://git@h/r.git").display(), "an ssh user name is no secret");
        assertEquals("ssh://git:***@h/r.git", RepoLocation.parse("ssh://git:pw@h/r.git").display());
        assertEquals("git@h:net/r.git", RepoLocation.parse("git@h:net/r.git").display());
        RepoLocation secret = RepoLocation.parse("https://ci:s3cret@git.example.org/r.git");
        assertEquals("https://***@git.example.org/r.git: not authorized (also https://***@h/x, ***)",
                secret.redact("https://ci:s3cret@git.example.org/r.git: not authorized (also https://u:p@h/x, s3cret)"));
        RepoLocation token = RepoLocation.parse("https://ghp_T0KEN@git.example.org/r.git");
        assertEquals("https://git.example.org/r.git said no to *** (https://***@git.example.org)",
                token.redact("https://git.example.org/r.git said no to ghp_T0KEN (https://ghp_T0KEN@git.example.org)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RepoLocation.parse("ftp://u:s3cret@h/r.git"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void credentialsAreKeptApartFromTheUrl() {
        RepoLocation both = RepoLocation.parse("https://ci:s3%2Fcret@git.example.org/r.git");
        assertEquals("https://git.example.org/r.git", both.fetchUrl());
        assertEquals("ci", both.credentials().orElseThrow().user());
        assertEquals("s3/cret", both.credentials().orElseThrow().password());
        assertFalse(both.credentials().toString().contains("s3"), "not even in toString");
        RepoLocation token = RepoLocation.parse("https://ghp_T0KEN@git.example.org/r.git");
        assertEquals("https://git.example.org/r.git", token.fetchUrl());
        assertEquals("ghp_T0KEN", token.credentials().orElseThrow().user());
        assertEquals("", token.credentials().orElseThrow().password());
        assertEquals("ssh://git@h/r.git", RepoLocation.parse("ssh://git@h/r.git").fetchUrl());
        assertTrue(RepoLocation.parse("ssh://git@h/r.git").credentials().isEmpty());
        assertEquals("ssh://git@h/r.git", RepoLocation.parse("ssh://git:pw@h/r.git").fetchUrl());
        assertEquals("pw", RepoLocation.parse("ssh://git:pw@h/r.git").credentials().orElseThrow().password());
        assertTrue(RepoLocation.parse("https://git.example.org/r.git").credentials().isEmpty());
        // one clone whatever the token, named as before for URLs without credentials
        assertEquals(RepoLocation.parse("https://git.example.org/r.git").cacheName(), token.cacheName());
        assertEquals(RepoLocation.parse("https://git.example.org/r.git").cacheName(), both.cacheName());
        assertTrue(RepoLocation.parse("https://git.example.org/r.git").legacyCacheName().isEmpty());
        assertTrue(token.legacyCacheName().isPresent());
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
