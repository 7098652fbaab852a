package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fleet whose ssh is a stand-in script (given with --ssh-program), for tests of hosts that misbehave:
 * one state with one rule per host, an inventory whose hosts keep routesync's files under
 * {@code dir/targets/HOST}, and routesync run in a JVM of its own so a runaway host cannot take the
 * test's JVM down with it.
 */
final class StandInFleet {
    /** How long routesync may take before the test calls it hung. */
    static final long MAX_SECONDS = 120;

    private StandInFleet() {
    }

    /** What one routesync run printed and how it ended. */
    record Run(int exit, String stdout, String both, long seconds) {
    }

    /** Writes {@code states/lone.yml} and {@code hosts.yml} with {@code hosts} (name to address, in order). */
    static Path inventory(Path dir, Map<String, String> hosts) throws IOException {
        Files.createDirectories(dir.resolve("states"));
        Files.writeString(dir.resolve("states/lone.yml"), String.join("\n",
                "tables:",
                "  uplink: 100",
                "rules:",
                "  - { priority: 1000, from: \"{{ host_addr }}\", table: uplink }",
                ""));
        Path targets = dir.resolve("targets");
        List<String> lines = new ArrayList<>(List.of(
                "all:",
                "  vars:",
                "    routesync_states: [lone]",
                "    routesync_etc_dir: " + targets + "/{{ inventory_hostname }}/iproute2",
                "    routesync_state_dir: " + targets + "/{{ inventory_hostname }}/lib/routesync",
                "    routesync_lock_dir: " + targets + "/{{ inventory_hostname }}/run/routesync",
                "  hosts:"));
        hosts.forEach((name, addr) -> lines.add("    " + name + ": { ansible_host: " + addr + ", host_addr: " + addr + " }"));
        return Files.writeString(dir.resolve("hosts.yml"), String.join("\n", lines) + "\n");
    }

    /** Runs routesync's Main in a new JVM with {@code jvmOptions}; fails the test if it runs past MAX_SECONDS. */
    static Run run(Path dir, List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(args);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        long start = System.nanoTime();
        Process routesync = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!routesync.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
            routesync.descendants().forEach(ProcessHandle::destroyForcibly);
            routesync.destroyForcibly();
            fail("routesync did not end within " + MAX_SECONDS + " s\n" + output(out, err));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        return new Run(routesync.exitValue(), Files.readString(out), output(out, err), seconds);
    }

    private static String output(Path out, Path err) throws IOException {
        return "--- stdout:\n" + (Files.exists(out) ? Files.readString(out) : "") + "--- stderr:\n"
                + (Files.exists(err) ? Files.readString(err) : "");
    }
}
