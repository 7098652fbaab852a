package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcessSessions reads a process's session from /proc/PID/stat whatever its command name holds. */
class ProcessSessionsTest {
    @TempDir
    Path dir;

    @Test
    void aCommandNameWithParenthesesAndSpacesDoesNotHideTheSession() throws Exception {
        // the command name (field 2) is the program's file name: spaces and ") (" in it, as a process may name itself
        Path program = Files.copy(Path.of("/bin/sleep"), dir.resolve("a) (b c) 9"));
        Process p = new ProcessBuilder("setsid", program.toString(), "30").start();
        try {
            long pid = p.pid();
            // setsid runs the program in place (it is not a group leader), so the program leads its own session
            long expected = 0;
            for (int i = 0; i < 500 && expected != pid; i++) {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                assertTrue(stat.contains("(a) (b c) 9)") || stat.contains("(setsid)"), stat);
                expected = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
                if (expected != pid) Thread.sleep(10);
            }
            assertEquals(pid, expected, "setsid made the program a session leader");
            assertEquals(pid, ProcessSessions.sessionOf(pid));
            assertEquals(List.of(pid), ProcessSessions.sessionMembers(pid).stream().map(ProcessHandle::pid).toList());
            // 0, not -1, when this JVM's session leader is outside its pid namespace (a container's CI runner)
            assertTrue(ProcessSessions.sessionOf(ProcessHandle.current().pid()) >= 0);
            assertEquals(-1, ProcessSessions.sessionOf(Long.MAX_VALUE));
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
