package io.routesync.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Decides whether a test that needs the real kernel (network namespaces, root) can run. In CI
 * ({@code CI=true}) a test that cannot run fails, so a broken CI machine is never mistaken for a green
 * build; elsewhere it is skipped with the reason.
 */
public final class KernelAccess {
    private static volatile String problem;
    private static volatile boolean probed;

    private KernelAccess() {
    }

    /** Fails (in CI) or skips (elsewhere) the calling test unless namespaces can be created here. */
    public static void require() {
        String why = probe();
        if (why == null) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("this test needs root and network namespaces and CI=true is set, so it must run: " + why);
        }
        abort("skipped: needs root and network namespaces (" + why + ")");
    }

    /** The same for a program the test runs (from Debian package {@code pkg}, which .ci/run installs). */
    public static void requireCommand(String tool, String pkg) {
        require();
        if (Shell.run("sh", "-c", "command -v " + tool).exitCode() == 0) return;
        String why = "this test needs " + tool + " (" + pkg + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + " and CI=true is set, so it must run");
        abort("skipped: " + why);
    }

    private static synchronized String probe() {
        if (probed) return problem;
        probed = true;
        String name = "rs-probe-" + ProcessHandle.current().pid();
        try {
            Shell.Result add = Shell.run("ip", "netns", "add", name);
            if (add.exitCode() != 0) {
                problem = "'ip netns add' failed: " + add.stderr().strip();
            }
        } catch (RuntimeException e) {
            problem = e.getMessage();
        } finally {
            Shell.run("ip", "netns", "del", name);
        }
        return problem;
    }
}
