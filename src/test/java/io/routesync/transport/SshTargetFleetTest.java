package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SshTarget against eight real sshds, each in its own network namespace (see {@link SshFleet}). */
class SshTargetFleetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static SshFleet fleet;

    @TempDir
    Path tmp;
    private SshConnections connections;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(8);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @BeforeEach
    void open() throws TransportException {
        connections = SshConnections.open(fleet.sshProgram());
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void readsEveryHostInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(fleet.size());
        try {
            List<Future<ScriptResult>> reads = new ArrayList<>();
            for (SshFleet.Host h : fleet.hosts()) {
                SshTarget t = target(h.index(), List.of());
                reads.add(pool.submit(() -> t.runScript(Script.READ.text(), readArgs("RSM" + h.index(), t), null, TIMEOUT)));
            }
            for (SshFleet.Host h : fleet.hosts()) {
                ScriptResult r = reads.get(h.index()).get();
                String m = "RSM" + h.index();
                assertEquals(0, r.exitCode(), r.stderr());
                assertTrue(r.stdout().startsWith(m + " begin 1\n"), r.stdout());
                assertTrue(r.stdout().contains("\n" + m + " cmd route 4 254\n"), r.stdout());
                assertTrue(Pattern.compile("\n" + m + " digest [0-9a-f]{64}\n$").matcher(r.stdout()).find(), r.stdout());
                // the host's own main table (read.sh uses ip -N: numeric proto and scope): its address only
                assertTrue(r.stdout().contains("dev eth0 proto 2 scope 253 src " + h.address() + " \n"), r.stdout());
                for (SshFleet.Host other : fleet.hosts()) {
                    if (other != h) assertFalse(r.stdout().contains("src " + other.address() + " "), r.stdout());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void applyOverSshChangesThatHostOnly() throws Exception {
        SshTarget t = target(4, List.of());
        List<String> read = readArgs("RSR", t);
        read = new ArrayList<>(read.subList(0, read.size() - 1));
        read.add("100");
        ScriptResult before = t.runScript(Script.READ.text(), read, null, TIMEOUT);
        Matcher digest = Pattern.compile("\nRSR digest ([0-9a-f]{64})\n").matcher(before.stdout());
        assertTrue(digest.find(), before.stdout());

        // apply.sh: read's arguments with the expected digest before the tables, parts on stdin
        List<String> apply = new ArrayList<>(read.subList(0, 6));
        apply.add(digest.group(1));
        apply.add("100");
        String parts = "RSR part batch4-0001\nroute add 192.0.2.0/24 via " + fleet.host(4).controllerAddress()
                + " dev eth0 table 100\nRSR part footprint\n100\n";
        ScriptResult r = t.runScript(Script.APPLY.text(), apply, parts.getBytes(StandardCharsets.UTF_8), TIMEOUT);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("RSR cmd batch 4-0001\nRSR rc 0\n"), r.stdout());
        assertTrue(r.stdout().contains("\nRSR reread\n"), r.stdout());
        assertTrue(r.stdout().contains("192.0.2.0/24 via " + fleet.host(4).controllerAddress()), r.stdout());
        assertEquals("192.0.2.0/24 via " + fleet.host(4).controllerAddress() + " dev eth0 \n",
                fleet.ip(4, "route", "list", "table", "100"));
        assertEquals("", fleet.ip(3, "route", "list", "table", "all", "192.0.2.0/24"));
    }

    @Test
    void aHostsLoginStartsInTheDistributionsDefaultHomeNotThisMachines() throws Exception {
        // the fleet's sessions must cost what a real host's do, and no developer's dotfiles may print into them
        SshFleet.Host h = fleet.host(2);
        Shell.Result r = fleet.execInController("ssh", "-F", fleet.sshConfig().toString(), h.name(), "cat ~/.bashrc");
        assertEquals(0, r.exitCode(), r::toString);
        Path debian = Path.of("/usr/share/base-files/dot.bashrc");
        assertEquals(Files.isReadable(debian) ? Files.readString(debian) : "", r.stdout());
    }

    @Test
    void anSshConfigAliasWorksAsTheHost() throws TransportException {
        SshFleet.Host h = fleet.host(1);
        SshTarget t = connections.target(h.name(), SshSettings.of(h.name()));
        assertEquals(h.address() + "\n", run(t, "ip -4 -o addr show dev eth0 | awk '{print $4}' | cut -d/ -f1").stdout());
    }

    @Test
    void anUnknownHostKeyIsRefusedUnlessAcceptNewIsChosen() throws Exception {
        Path empty = Files.createFile(tmp.resolve("known_hosts"));
        // a known_hosts file of one's own is the operator's choice: it comes with the ssh program, not the data
        try (SshConnections own = withProgramOptions("-o", "UserKnownHostsFile=" + empty)) {
            TransportException e = assertThrows(TransportException.class,
                    () -> run(own.target("h2", settings(2, List.of())), "true"));
            assertTrue(e.unreachable());
            assertEquals("Host key verification failed.", e.getMessage());
            assertEquals("", Files.readString(empty));

            SshTarget acceptNew = own.target("h2", settings(2, List.of()).withAcceptNewHostKeys(true));
            assertEquals(0, run(acceptNew, "true").exitCode());
            assertTrue(Files.readString(empty).contains(fleet.host(2).address()), "the new key was recorded");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithAcceptNew() throws Exception {
        // host 3's address listed with host 4's key: what a man in the middle would look like
        String host4Key = Files.readAllLines(fleet.knownHosts()).get(4).split(" ", 2)[1];
        Path wrong = Files.writeString(tmp.resolve("known_hosts"), fleet.host(3).address() + " " + host4Key + "\n");
        try (SshConnections own = withProgramOptions("-o", "UserKnownHostsFile=" + wrong)) {
            SshTarget t = own.target("h3", settings(3, List.of()).withAcceptNewHostKeys(true));
            TransportException e = assertThrows(TransportException.class, () -> run(t, "true"));
            assertTrue(e.unreachable());
            assertEquals("Host key verification failed.", e.getMessage());
        }
    }

    /** The fleet's ssh program with more options of the operator's own (trusted, like --ssh-program). */
    private static SshConnections withProgramOptions(String... options) throws TransportException {
        List<String> program = new ArrayList<>(fleet.sshProgram());
        program.addAll(List.of(options));
        return SshConnections.open(program);
    }

    @Test
    void aStoppedSshdIsUnreachableAndComesBack() throws TransportException {
        SshFleet.Host h = fleet.host(5);
        fleet.stopSshd(5);
        try {
            TransportException e = assertThrows(TransportException.class, () -> run(target(5, List.of()), "true"));
            assertTrue(e.unreachable());
            assertEquals("ssh: connect to host " + h.address() + " port 22: Connection refused", e.getMessage());
        } finally {
            fleet.startSshd(5);
        }
        assertEquals(0, run(target(5, List.of()), "true").exitCode());
    }

    @Test
    void theSecondRoundTripReusesTheMasterConnection() throws Exception {
        SshTarget t = target(6, List.of());
        int loginsBefore = fleet.acceptedLogins(6);
        String first = run(t, "printf '%s' \"$SSH_CLIENT\"").stdout();
        List<Path> sockets = connections.sockets();
        assertEquals(1, sockets.size(), "one master socket in " + connections.controlDir());
        long masterPid = fleet.masterPid(sockets.get(0)).orElseThrow(() -> new AssertionError("no master answers on " + sockets));

        String second = run(t, "printf '%s' \"$SSH_CLIENT\"").stdout();
        assertEquals(loginsBefore + 1, fleet.acceptedLogins(6), "the second run must not log in again");
        assertEquals(first, second, "same client address and port: the same TCP connection");
        assertEquals(Optional.of(masterPid), fleet.masterPid(sockets.get(0)));

        connections.close();
        assertFalse(Files.exists(connections.controlDir()), "the control directory is removed");
        assertTrue(waitUntilGone(masterPid), "the master exits when the run closes its connections");
    }

    @Test
    void stdinAndTheScriptsExitStatusPassThrough() throws TransportException {
        byte[] input = new byte[1 << 20];
        Arrays.fill(input, (byte) 'x');
        input[input.length - 1] = '\n';
        ScriptResult r = target(7, List.of()).runScript("cat; echo oops >&2; exit 3", List.of(), input, TIMEOUT);
        assertEquals(3, r.exitCode());
        assertEquals(new String(input, StandardCharsets.UTF_8), r.stdout());
        assertEquals("oops\n", r.stderr());
    }

    @Test
    void hostileArgumentsArriveVerbatimOverSsh() throws TransportException {
        Path canary = tmp.resolve("CANARY");
        List<String> args = List.of("$(touch " + canary + ")", "`touch " + canary + "`", "; touch " + canary,
                "' ; touch " + canary + " ; '", "two\nlines", " spaced ", "", "*");
        ScriptResult r = target(0, List.of()).runScript("printf '[%s]\\n' \"$@\"", args, null, TIMEOUT);
        StringBuilder expected = new StringBuilder();
        for (String a : args) expected.append('[').append(a).append("]\n");
        assertEquals(expected.toString(), r.stdout());
        assertFalse(Files.exists(canary));
    }

    private SshSettings settings(int index, List<String> moreArgs) {
        return SshSettings.of(fleet.host(index).address()).withExtraArgs(moreArgs);
    }

    private SshTarget target(int index, List<String> moreArgs) {
        return connections.target(fleet.host(index).name(), settings(index, moreArgs));
    }

    private static ScriptResult run(SshTarget t, String script) throws TransportException {
        return t.runScript(script, List.of(), null, TIMEOUT);
    }

    /** read.sh's arguments, with every on-target path in this test's temp dir. */
    private List<String> readArgs(String marker, Target t) {
        return List.of(marker, t.netns(), tmp.resolve("etc").toString(), tmp.resolve("lock/routesync.lock").toString(),
                "5", tmp.resolve("state").toString(), "254");
    }

    private static boolean waitUntilGone(long pid) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(10);
            } else {
                return true;
            }
        }
        return false;
    }
}
