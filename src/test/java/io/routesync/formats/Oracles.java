package io.routesync.formats;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.routesync.testing.Shell;

/**
 * The real tools that check what the importers read (netplan's generator, ifupdown): a test that needs
 * one fails under {@code CI=true} when it is missing (.ci/run installs them), and is skipped elsewhere.
 */
public final class Oracles {
    private Oracles() {
    }

    /** Fails (CI) or skips unless {@code program} is on the PATH; {@code debianPackage} says what provides it. */
    public static void require(String program, String debianPackage) {
        Shell.Result r = Shell.run("sh", "-c", "command -v \"$1\"", "sh", program);
        if (r.exitCode() == 0) return;
        String why = program + " is not installed (Debian package " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, so this test must run: " + why);
        abort("skipped: " + why);
    }
}
