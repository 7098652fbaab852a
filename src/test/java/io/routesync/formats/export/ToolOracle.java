package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a real tool used as a test oracle (netplan, ifup, ifquery). Without it a test fails under
 * CI=true (the CI machine must install its Debian package) and is skipped elsewhere, with the package.
 */
public final class ToolOracle {
    private ToolOracle() {
    }

    public static Path require(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        String why = tool + " is not installed (apt-get install " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, so this test must run: " + why);
        Assumptions.abort(why);
        return null;
    }
}
