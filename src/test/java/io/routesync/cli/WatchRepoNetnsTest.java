package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.git.SshSigningKey;
import io.routesync.git.TestRepo;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import io.routesync.testing.WatchProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routesync watch --repo on a namespace, as a process of its own, from a repository built in the test: it
 * converges to the ref's state, takes a new commit after the interval, starts on the kept state when the
 * repository cannot be reached and switches to it once it can, refuses an unsigned commit when signatures
 * are required (the state in force stays, and heals by it), and heals a link flap while a fetch hangs.
 */
class WatchRepoNetnsTest {
    private static final String EXTRA = "10.99.0.0/16 via 192.168.2.1 dev eth1";

    @TempDir
    Path dir;
    Netns ns;
    TestRepo repo;
    WatchProcess watch;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("wrepo");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
    }

    @AfterEach
    void tearDown() {
        try {
            if (watch != null) watch.close();
        } finally {
            if (repo != null) repo.close();
            if (ns != null) {
                for (long pid : WatchProcess.processesWith(ns.name())) Shell.run("kill", "-9", Long.toString(pid));
                ns.close();
            }
        }
    }

    private TestRepo repoAt(Path path) {
        repo = TestRepo.init(path);
        repo.write("inventory/hosts.yml", PullNetnsTest.INVENTORY);
        return repo;
    }

    private List<String> target() {
        return List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString());
    }

    private List<String> watchArgs(String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("watch", "--repo", url, "--ref", "main", "--host", "edge1",
                "--cache-dir", dir.resolve("cache").toString(), "--interval", "1"));
        args.addAll(target());
        args.addAll(List.of(extra));
        return args;
    }

    /** Starts the watch and waits for its first convergence. */
    private WatchProcess start(List<String> args) throws Exception {
        watch = WatchProcess.start(dir, args);
        watch.await(0, l -> (l.startsWith("healed ") || l.startsWith("converged ")) && l.contains(": start"), 30_000);
        return watch;
    }

    /** Keeps a desired state on the host by an apply from a file, then takes table 102 away (a reboot, as far as it goes). */
    private String keptStateThenReboot() {
        Path file = dir.resolve("kept.yml");
        try {
            Files.writeString(file, WatchNetnsTest.state("192.168.2.1"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> apply = new ArrayList<>(List.of("apply", "-f", file.toString(), "--auto-approve"));
        apply.addAll(target());
        CliRunner.Result r = CliRunner.run(apply);
        assertEquals(0, r.exitCode(), r::toString);
        String kept = table();
        ns.ip("route", "flush", "table", "102");
        return kept;
    }

    private String table() {
        return ns.ip("route", "show", "table", "102");
    }

    private void until(String what, java.util.function.BooleanSupplier done, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError(what + " not within " + millis + " ms; table 102:\n" + table() + "\nlog: " + watch.lines());
            Thread.sleep(20);
        }
    }

    private static String shortId(RevCommit c) {
        return c.name().substring(0, 12);
    }

    @Test
    void convergesToTheRefsStateAndTakesANewCommitAfterTheInterval() throws Exception {
        RevCommit first = repoAt(dir.resolve("remote")).write("states/uplink.yml", PullNetnsTest.state(1000, null)).commit("uplink2");
        start(watchArgs("file://" + repo.dir()));
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 192.168.2.10 lookup 102"), ns.ip("rule", "show"));
        assertTrue(table().contains("default via 192.168.2.1 dev eth1"), table());
        assertTrue(watch.lines().get(0).contains("desired state from --repo file://" + repo.dir() + " at " + shortId(first) + " (main), host edge1"),
                watch.lines()::toString);
        // the commit the host was left at, for the next pull's (or watch's) rewind check
        until("pull-last.json", () -> readOrEmpty(dir.resolve("state/pull-last.json")).contains(first.name()), 5000);

        // nothing moved: looking every second changes nothing and says nothing
        int seen = watch.lines().size();
        Thread.sleep(2500);
        assertEquals(List.of(), watch.lines().subList(seen, watch.lines().size()));

        RevCommit second = repo.write("states/uplink.yml", PullNetnsTest.state(1000, EXTRA)).commit("a route to 10.99/16");
        String moved = "main moved " + shortId(first) + ".." + shortId(second) + " \"a route to 10.99/16\"";
        watch.await(seen, l -> l.startsWith("reloaded ") && l.contains(moved), 10_000);
        String healed = watch.await(seen, l -> l.startsWith("healed ") && l.contains(moved), 10_000);
        assertTrue(healed.contains("1 change in ") && healed.endsWith(": ip route add 10.99.0.0/16 via 192.168.2.1 dev eth1 table uplink2 proto routesync"), healed);
        assertTrue(table().contains("10.99.0.0/16 via 192.168.2.1 dev eth1"), table());
        until("pull-last.json", () -> readOrEmpty(dir.resolve("state/pull-last.json")).contains(second.name()), 5000);

        // SIGHUP looks at once, even with nothing new: a line for the reload and one for the convergence
        seen = watch.lines().size();
        watch.signal("HUP");
        watch.await(seen, l -> l.startsWith("reloaded ") && l.contains("reload requested: main at " + shortId(second)), 10_000);
        watch.await(seen, l -> l.startsWith("converged ") && l.contains("nothing to change"), 10_000);

        // an invalid state at the next commit: said where, and the state in force stays
        seen = watch.lines().size();
        RevCommit invalid = repo.write("states/uplink.yml", PullNetnsTest.state(1000, EXTRA).replace("to: default", "to: nowhere")).commit("typo");
        watch.await(seen, l -> l.startsWith("reload-failed ") && l.contains(shortId(invalid) + ":states/uplink.yml:")
                && l.endsWith("; the desired state stays at commit " + shortId(second) + " (main)"), 10_000);
        // the ref moved back (a force-push): refused, as pull refuses it
        RefUpdate back = repo.git().getRepository().updateRef("refs/heads/main");
        back.setNewObjectId(first);
        back.setForceUpdate(true);
        assertEquals(RefUpdate.Result.FORCED, back.update());
        watch.await(seen, l -> l.startsWith("refused ") && l.contains("commit " + shortId(first) + " (main) is refused: it does not descend from"
                + " commit " + shortId(second) + ", the one last applied") && l.contains("(start watch with --allow-rewind to apply it)"), 10_000);
        assertTrue(table().contains("10.99.0.0/16 via 192.168.2.1 dev eth1"), table());
        watch.signal("TERM");
        assertEquals(0, watch.exit(10_000), watch.stderr());
        assertEquals("", watch.stderr());
        watch.lines().forEach(System.out::println);
    }

    @Test
    void anUnreachableRepositoryAtTheStartLeavesTheKeptStateInForceUntilItCanBeFetched() throws Exception {
        String kept = keptStateThenReboot();
        Path later = dir.resolve("later");
        start(watchArgs("file://" + later));
        assertEquals(kept, table());
        assertTrue(watch.lines().get(0).contains("desired state from the kept state " + dir.resolve("state/desired.yaml")
                + " (until --repo file://" + later + " at main can be used)"), watch.lines()::toString);
        assertTrue(watch.lines().stream().anyMatch(l -> l.startsWith("fetch-failed ") && l.contains("cannot fetch file://" + later)
                && l.contains("stays in force; trying again in 1 s")), watch.lines()::toString);

        int seen = watch.lines().size();
        RevCommit commit = repoAt(later).write("states/uplink.yml", PullNetnsTest.state(1000, EXTRA)).commit("now reachable");
        watch.await(seen, l -> l.startsWith("reloaded ") && l.contains("--repo file://" + later + " can be used: main at " + shortId(commit)), 10_000);
        watch.await(seen, l -> l.startsWith("healed ") && l.contains("10.99.0.0/16"), 10_000);
        assertTrue(table().contains("10.99.0.0/16 via 192.168.2.1 dev eth1"), table());
        // the start's heal wrote the kept state again, with the same text: not a new state to read
        assertTrue(watch.lines().stream().noneMatch(l -> l.contains("a later apply or pull")), watch.lines()::toString);
        watch.lines().forEach(System.out::println);
    }

    @Test
    void anUnreachableRepositoryAndNoKeptStateIsAnErrorAtTheStart() {
        List<String> args = watchArgs("file://" + dir.resolve("nowhere"));
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(69, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: cannot fetch file://" + dir.resolve("nowhere")), r::toString);
        assertTrue(r.err().contains("and no desired state was kept here to watch over meanwhile (" + dir.resolve("state/desired.yaml") + ")"),
                r::toString);
        assertFalse(ns.ip("rule", "show").contains("lookup 102"));
    }

    @Test
    void anUnsignedCommitIsRefusedAndTheStateInForceStaysAndHeals() throws Exception {
        SshSigningKey alice = SshSigningKey.create(dir.resolve("alice"), "ed25519");
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, alice.allowedLine("alice@example.org") + "\n");
        RevCommit signed = repoAt(dir.resolve("remote")).write("states/uplink.yml", PullNetnsTest.state(1000, null))
                .commitSigned("signed", alice.privateKey());
        start(watchArgs("file://" + repo.dir(), "--require-signed", "--allowed-signers", allowed.toString()));
        String desired = table();
        assertTrue(desired.contains("default via 192.168.2.1 dev eth1"), desired);

        int seen = watch.lines().size();
        RevCommit unsigned = repo.write("states/uplink.yml", PullNetnsTest.state(1000, EXTRA)).commit("not signed");
        watch.await(seen, l -> l.startsWith("refused ") && l.contains("commit " + shortId(unsigned) + " (main) is refused: it is not signed;"
                + " the desired state stays at commit " + shortId(signed) + " (main)"), 10_000);
        // judged once: the next looks see the same commit and say nothing more
        Thread.sleep(2500);
        List<String> since = watch.lines().subList(seen, watch.lines().size());
        assertEquals(1, since.size(), since::toString);
        assertFalse(table().contains("10.99.0.0/16"), table());

        // the state in force is still the one healed to
        ns.ip("route", "del", "default", "table", "102");
        until("the heal", () -> table().equals(desired), 2000);

        RevCommit again = repo.write("states/uplink.yml", PullNetnsTest.state(1000, EXTRA)).commitSigned("signed again", alice.privateKey());
        watch.await(seen, l -> l.startsWith("healed ") && l.contains("main moved " + shortId(signed) + ".." + shortId(again)), 10_000);
        assertTrue(table().contains("10.99.0.0/16"), table());
    }

    @Test
    void aFetchThatHangsDoesNotHoldUpHeals() throws Exception {
        String kept = keptStateThenReboot();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // accepts and never answers: the fetch waits for its --timeout
            Thread t = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            start(watchArgs("https://127.0.0.1:" + silent.getLocalPort() + "/routing.git", "--timeout", "60"));
            assertEquals(kept, table());
            assertFalse(held.isEmpty(), "the fetch is under way");
            assertTrue(watch.lines().stream().noneMatch(l -> l.startsWith("fetch-failed")), watch.lines()::toString);
            Thread.sleep(500);
            for (int flap = 1; flap <= 2; flap++) {
                long t0 = System.nanoTime();
                ns.ip("link", "set", "eth1", "down");
                ns.ip("link", "set", "eth1", "up");
                until("the heal of link flap " + flap, () -> table().equals(kept), 1000);
                System.out.println("link flap healed in " + (System.nanoTime() - t0) / 1_000_000 + " ms while a fetch hangs");
                Thread.sleep(300);
            }
            assertTrue(watch.lines().stream().noneMatch(l -> l.startsWith("fetch-failed")), "the fetch still hangs: " + watch.lines());
        } finally {
            for (Socket s : held) s.close();
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
