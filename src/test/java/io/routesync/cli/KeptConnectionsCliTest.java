package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan -i then apply -i with --ssh-persist against a real fleet, as whole processes (the directory comes
 * from their environment): the apply reaches every host through the plan's connections, with no login,
 * and a run without the option keeps nothing.
 */
class KeptConnectionsCliTest {
    private static final int SIZE = 2;
    private static SshFleet fleet;
    private static FleetFiles files;

    @TempDir
    Path runtime;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(SIZE);
        files = FleetFiles.of(fleet, fleet.dir().resolve("repo")).write();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @AfterEach
    void stopMasters() throws IOException {
        // the masters are the controller namespace's ssh processes whose ControlPath is in this test's directory
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String line = p.info().commandLine().orElse("");
            if (line.contains(runtime.toString())) p.destroy();
        }
    }

    @Test
    void theApplyAfterAPlanReachesEveryHostThroughThePlansConnections() throws Exception {
        int[] before = logins();
        Result plan = routesync("plan", "-i", files.yaml().toString(), "--detailed-exitcode", "--ssh-persist", "60");
        assertEquals(ExitCodes.CHANGES, plan.code, plan.text);
        Path kept = runtime.resolve("routesync-kept");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertEquals(SIZE, sockets(kept), "one kept master per host");
        assertLogins(before, 1);

        Result apply = routesync("apply", "-i", files.yaml().toString(), "--auto-approve", "--ssh-persist", "60");
        assertEquals(ExitCodes.OK, apply.code, apply.text);
        assertLogins(before, 1); // no host logged in again
        for (int i = 0; i < SIZE; i++) {
            assertTrue(fleet.ip(i, "rule", "show").contains("lookup 100"), "host " + i + " converged");
        }
        assertEquals(SIZE, sockets(kept), "still kept after the apply");

        Result plain = routesync("plan", "-i", files.yaml().toString(), "--detailed-exitcode");
        assertEquals(ExitCodes.OK, plain.code, plain.text);
        assertLogins(before, 2); // without the option: a connection of its own per host, as always
        assertEquals(SIZE, sockets(kept), "a run without the option neither uses nor stops the kept ones");
    }

    @Test
    void aDirectoryOthersCouldUseIsRefusedBeforeAnyHostIsReached() throws Exception {
        Path kept = Files.createDirectory(runtime.resolve("routesync-kept"));
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rwxrwxrwx"));
        int[] before = logins();
        Result plan = routesync("plan", "-i", files.yaml().toString(), "--ssh-persist", "60");
        assertEquals(ExitCodes.FAILED, plan.code, plan.text);
        assertTrue(plan.text.contains("error: --ssh-persist keeps its ssh connections in " + kept + ", but its mode is rwxrwxrwx"), plan.text);
        assertFalse(plan.text.contains("\tat "), "no stack trace: " + plan.text);
        assertLogins(before, 0);
    }

    @Test
    void theOptionIsCheckedAndOnlyForFleetRuns() throws Exception {
        Result zero = routesync("plan", "-i", files.yaml().toString(), "--ssh-persist", "0");
        assertEquals(ExitCodes.USAGE, zero.code, zero.text);
        assertTrue(zero.text.contains("--ssh-persist 0 is out of range (1-86400 seconds)"), zero.text);
        Result local = routesync("plan", "-f", files.yaml().getParent().resolveSibling("states/uplink.yml").toString(), "--ssh-persist", "60");
        assertEquals(ExitCodes.USAGE, local.code, local.text);
        assertTrue(local.text.contains("--ssh-persist: only for inventory runs (-i FILE) and plan files (apply PLAN)"), local.text);
    }

    private record Result(int code, String text) {
    }

    /** routesync ARGS as its own process, with this test's runtime directory, reaching the fleet from its controller. */
    private Result routesync(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--ssh-program", String.join(" ", fleet.sshProgram())));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "routesync did not end: " + text);
        return new Result(p.exitValue(), text);
    }

    private static long sockets(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }

    private static int[] logins() {
        int[] n = new int[SIZE];
        for (int i = 0; i < SIZE; i++) n[i] = fleet.acceptedLogins(i);
        return n;
    }

    private static void assertLogins(int[] before, int more) {
        for (int i = 0; i < SIZE; i++) assertEquals(before[i] + more, fleet.acceptedLogins(i), "logins on host " + i);
    }
}
