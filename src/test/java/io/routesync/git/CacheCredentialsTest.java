package io.routesync.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token or password in {@code --repo} is used for the fetch and nowhere else: not in the cache's
 * files, not in its directory name, not in any message; the cache is 0700. Only 127.0.0.1 is contacted.
 */
class CacheCredentialsTest {
    static final String SECRET = "S3cretT0ken-42";

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> authorizations = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    /** A port on 127.0.0.1 nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An HTTP server on 127.0.0.1 that asks for Basic credentials, notes what it gets, and has no repository. */
    int askingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            synchronized (authorizations) {
                authorizations.add(auth == null ? "" : auth);
            }
            if (auth == null) exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(auth == null ? 401 : 404, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    GitSourceException openFails(String url) {
        return assertThrows(GitSourceException.class, () -> GitSource.open(RepoLocation.parse(url), dir.resolve("cache"), Duration.ofSeconds(10)));
    }

    /** Every file under {@code root} whose bytes contain {@code secret}. */
    static List<Path> filesContaining(Path root, String secret) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.toString().contains(secret)) found.add(p);
                if (Files.isRegularFile(p) && new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(secret)) found.add(p);
            }
        }
        return found;
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void aFailedFetchWritesNoCredentialsAndMasksThem() throws Exception {
        int port = closedPort();
        for (String url : List.of("https://ci:" + SECRET + "@127.0.0.1:" + port + "/net/routing.git",
                "https://" + SECRET + "@127.0.0.1:" + port + "/net/routing.git")) {
            GitSourceException e = openFails(url);
            assertEquals(GitSourceException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().startsWith("cannot fetch https://***@127.0.0.1:" + port + "/net/routing.git: "), e.getMessage());
            assertFalse(stackTrace(e).contains(SECRET), "not even in --debug's stack trace:\n" + stackTrace(e));
            Path clone = RepoCache.directory(dir.resolve("cache"), RepoLocation.parse(url));
            assertTrue(Files.isDirectory(clone), "the clone was made before the fetch");
            try (Git git = Git.open(clone.toFile())) {
                assertEquals("https://127.0.0.1:" + port + "/net/routing.git", git.getRepository().getConfig().getString("remote", "origin", "url"));
            }
            assertEquals(List.of(), filesContaining(dir.resolve("cache"), SECRET));
        }
        // one clone for both: the name does not depend on the credentials
        try (Stream<Path> clones = Files.list(dir.resolve("cache/repos"))) {
            assertEquals(1, clones.filter(Files::isDirectory).count());
        }
    }

    @Test
    void theCacheIsOnlyForItsOwner() throws Exception {
        Path cache = dir.resolve("var/cache/routesync");
        RepoLocation location = RepoLocation.parse("https://ci:" + SECRET + "@127.0.0.1:" + closedPort() + "/r.git");
        assertThrows(GitSourceException.class, () -> GitSource.open(location, cache, Duration.ofSeconds(10)));
        Path clone = RepoCache.directory(cache, location);
        for (Path p : List.of(dir.resolve("var"), dir.resolve("var/cache"), cache, cache.resolve("repos"), clone)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
        }
        // a clone an earlier version left world-readable is restricted on its next use
        Files.setPosixFilePermissions(clone, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(cache.resolve("repos"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThrows(GitSourceException.class, () -> GitSource.open(location, cache, Duration.ofSeconds(10)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(clone)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve("repos"))));
    }

    @Test
    void theCredentialsAreSentToTheServerFromMemory() throws Exception {
        int port = askingServer();
        GitSourceException e = openFails("http://ci:" + SECRET + "@127.0.0.1:" + port + "/net/routing.git");
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        String expected = "Basic " + Base64.getEncoder().encodeToString(("ci:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertTrue(authorizations.contains(expected), authorizations::toString);
        assertEquals(List.of(), filesContaining(dir.resolve("cache"), SECRET));

        authorizations.clear();
        openFails("http://" + SECRET + "@127.0.0.1:" + port + "/net/routing.git");
        String tokenOnly = "Basic " + Base64.getEncoder().encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8));
        assertTrue(authorizations.contains(tokenOnly), authorizations::toString);
        assertEquals(List.of(), filesContaining(dir.resolve("cache"), SECRET));
    }

    @Test
    void aCloneAnEarlierVersionMadeWithCredentialsIsMovedAndCleaned() throws Exception {
        String url = "https://ci:" + SECRET + "@127.0.0.1:" + closedPort() + "/net/routing.git";
        RepoLocation location = RepoLocation.parse(url);
        Path repos = dir.resolve("cache/repos");
        Path legacy = repos.resolve(location.legacyCacheName().orElseThrow());
        RevCommit commit;
        // as the earlier version left it: world-readable, the URL with the password in config and FETCH_HEAD
        try (TestRepo remote = TestRepo.init(dir.resolve("remote"));
                Git git = Git.init().setBare(true).setDirectory(legacy.toFile()).call()) {
            commit = remote.write("a", "a\n").commit("first");
            git.fetch().setRemote(remote.dir().toUri().toString()).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*")).call();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.save();
            Files.writeString(legacy.resolve("FETCH_HEAD"), commit.name() + "\t\tbranch 'main' of " + url + "\n");
            Files.setPosixFilePermissions(legacy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // and a clone made with an older token, whose name routesync cannot work out any more
        Path older = repos.resolve("routing-0123456789abcdef.git");
        try (Git git = Git.init().setBare(true).setDirectory(older.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url.replace(SECRET, SECRET + "-old"));
            config.save();
            Files.writeString(older.resolve("FETCH_HEAD"), commit.name() + "\t\tbranch 'main' of " + url + "\n");
        }
        assertFalse(filesContaining(repos, SECRET).isEmpty(), "the test starts from a cache with the secret");
        try (GitSource source = GitSource.open(location, dir.resolve("cache"), Duration.ofSeconds(10))) {
            assertTrue(source.fetchWarning().orElseThrow().startsWith("cannot fetch https://***@127.0.0.1:"), source.fetchWarning()::toString);
            assertEquals(commit.name(), source.resolve("main").id(), "the commits fetched before are kept");
        }
        assertFalse(Files.exists(legacy));
        try (Git git = Git.open(older.toFile())) {
            assertEquals("https://127.0.0.1:" + url.replaceAll(".*:(\\d+)/.*", "$1") + "/net/routing.git",
                    git.getRepository().getConfig().getString("remote", "origin", "url"));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(older)));
        Path clone = RepoCache.directory(dir.resolve("cache"), location);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(clone)));
        assertEquals(List.of(), filesContaining(dir.resolve("cache"), SECRET));
    }
}
