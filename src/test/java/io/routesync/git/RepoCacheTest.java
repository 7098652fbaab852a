package io.routesync.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote repositories go through a bare clone in the cache: fetched each time, kept when the remote is gone. */
class RepoCacheTest {
    @TempDir
    Path dir;

    private GitSource open(String url) throws GitSourceException {
        return GitSource.open(RepoLocation.parse(url), dir.resolve("cache"), Duration.ofSeconds(30));
    }

    @Test
    void aRemoteIsClonedThenFetchedThenUsedFromTheCacheWhenGone() throws Exception {
        RevCommit first;
        RevCommit second;
        String url;
        try (TestRepo remote = TestRepo.init(dir.resolve("remote"))) {
            url = remote.dir().toUri().toString();
            assertTrue(url.startsWith("file:/"), url);
            remote.write("inventory/hosts.yml", GitSourceTest.INVENTORY).write("states/uplink.yml", GitSourceTest.state(102, 1000));
            first = remote.commit("first");
            remote.tag("v1");
            try (GitSource source = open(url)) {
                assertTrue(source.fetchWarning().isEmpty());
                assertEquals(first.name(), source.resolve("main").id());
                assertEquals(first.name(), source.resolve("HEAD").id(), "HEAD follows the remote's default branch");
                assertEquals(first.name(), source.resolve("v1").id());
            }
            Path clone = RepoCache.directory(dir.resolve("cache"), RepoLocation.parse(url));
            assertTrue(Files.isRegularFile(clone.resolve("HEAD")) && !Files.exists(clone.resolve(".git")), "a bare clone");

            remote.write("states/uplink.yml", GitSourceTest.state(103, 1000));
            second = remote.commit("second");
            remote.branch("dev");
            try (GitSource source = open(url)) {
                assertEquals(second.name(), source.resolve("main").id(), "the next open fetches");
                assertEquals(second.name(), source.resolve("dev").id());
            }
        }
        TestRepo.deleteTree(dir.resolve("remote"));
        try (GitSource source = open(url)) {
            String warning = source.fetchWarning().orElseThrow();
            assertTrue(warning.startsWith("cannot fetch " + url + ": ") && warning.contains("using the commits fetched at "), warning);
            assertEquals(second.name(), source.resolve("main").id());
        }
    }

    @Test
    void aRemoteThatWasNeverFetchedIsUnreachable() {
        GitSourceException e = assertThrows(GitSourceException.class, () -> open(dir.resolve("nothing").toUri().toString()));
        assertEquals(GitSourceException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("no earlier fetch"), e.getMessage());
    }

    @Test
    void aBranchDeletedOnTheRemoteIsGoneFromTheCache() throws Exception {
        try (TestRepo remote = TestRepo.init(dir.resolve("remote"))) {
            remote.write("a", "a\n").commit("a");
            remote.branch("old");
            String url = remote.dir().toUri().toString();
            try (GitSource source = open(url)) {
                source.resolve("old");
            }
            remote.git().branchDelete().setBranchNames("old").setForce(true).call();
            try (GitSource source = open(url)) {
                GitSourceException e = assertThrows(GitSourceException.class, () -> source.resolve("old"));
                assertFalse(e.getMessage().contains("old,"), e.getMessage());
            }
        }
    }

    @Test
    void pullModeMirrorsEvenALocalPath() throws Exception {
        try (TestRepo remote = TestRepo.init(dir.resolve("remote"))) {
            RevCommit c = remote.write("a", "a\n").commit("a");
            try (GitSource source = GitSource.mirror(RepoLocation.parse(remote.dir().toString()), dir.resolve("cache"), Duration.ofSeconds(30))) {
                assertEquals(c.name(), source.resolve("main").id());
            }
            try (Stream<Path> repos = Files.list(dir.resolve("cache/repos"))) {
                assertEquals(1, repos.filter(p -> p.toString().endsWith(".git")).count());
            }
        }
    }

    @Test
    void aFetchWaitsForAnotherRunsFetchThenUsesTheCache() throws Exception {
        try (TestRepo remote = TestRepo.init(dir.resolve("remote"))) {
            RevCommit first = remote.write("a", "a\n").commit("a");
            String url = "file://" + remote.dir();
            try (GitSource source = open(url)) {
                assertTrue(source.fetchWarning().isEmpty());
            }
            remote.write("a", "b\n").commit("b");
            Path clone = RepoCache.directory(dir.resolve("cache"), RepoLocation.parse(url));
            try (CacheLock held = CacheLock.acquire(clone, Duration.ZERO);
                    GitSource source = GitSource.open(RepoLocation.parse(url), dir.resolve("cache"), Duration.ofMillis(300))) {
                assertTrue(held != null);
                assertTrue(source.fetchWarning().orElseThrow().contains("another routesync run is fetching it"), source.fetchWarning()::get);
                assertEquals(first.name(), source.resolve("main").id());
            }
        }
    }
}
