package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.routesync.testing.KernelAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package that mvn package built (failsafe: runs after package, in mvn verify): its
 * control data and file list, then unpacked into a temporary root, where the installed launcher
 * runs the installed jar (--version, completion, demo), the man pages render, and lintian has
 * nothing to say. Under CI=true a missing tool (dpkg-deb, man or groff, lintian) fails the test.
 */
class DebPackageIT {
    private static Path deb;

    @TempDir
    static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        Path target = Path.of("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("routesync_.+_all\\.deb")).toList();
            assertEquals(1, debs.size(), "exactly one target/routesync_VERSION_all.deb after mvn package: " + debs);
            deb = debs.get(0);
        }
        requireTool("dpkg-deb");
        Result x = run(Map.of(), "dpkg-deb", "-x", deb.toString(), root.toString());
        assertEquals(0, x.code, x.toString());
    }

    @Test
    void controlDataNamesTheDependencies() throws Exception {
        Result info = run(Map.of(), "dpkg-deb", "--field", deb.toString(), "Package", "Architecture", "Depends");
        assertEquals(0, info.code, info.toString());
        assertTrue(info.out.contains("Package: routesync\n"), info.out);
        assertTrue(info.out.contains("Architecture: all\n"), info.out);
        for (String dep : List.of("java17-runtime-headless", "default-jre-headless", "iproute2", "openssh-client", "util-linux")) {
            assertTrue(info.out.matches("(?s).*Depends:.*\\b" + dep + "\\b.*"), dep + " in " + info.out);
        }
        String version = deb.getFileName().toString().replaceAll("^routesync_(.+)_all\\.deb$", "$1");
        Result v = run(Map.of(), "dpkg-deb", "--field", deb.toString(), "Version");
        assertEquals(version, v.out.strip(), "the file name carries the package version");
    }

    @Test
    void installsLauncherJarUnitsCompletionAndManPages() throws Exception {
        Result contents = run(Map.of(), "dpkg-deb", "--contents", deb.toString());
        assertEquals(0, contents.code, contents.toString());
        List<String> missing = new ArrayList<>();
        for (String path : List.of("./usr/bin/routesync", "./usr/share/routesync/routesync.jar", "./usr/share/routesync/routesync-archive",
                "./usr/share/routesync/states/dual-uplink.yml",
                "./lib/systemd/system/routesync-pull.service", "./lib/systemd/system/routesync-pull.timer",
                "./lib/systemd/system/routesync-watch.service",
                "./usr/share/bash-completion/completions/routesync", "./usr/share/zsh/vendor-completions/_routesync",
                "./usr/share/doc/routesync/copyright", "./usr/share/doc/routesync/changelog.gz",
                // the Ansible task, in ansible-core's default collections path
                "./usr/share/ansible/collections/ansible_collections/routesync/routesync/plugins/action/routesync.py",
                "./usr/share/ansible/collections/ansible_collections/routesync/routesync/plugins/modules/routesync.py",
                "./usr/share/ansible/collections/ansible_collections/routesync/routesync/galaxy.yml")) {
            if (!contents.out.contains(" " + path + "\n")) missing.add(path);
        }
        for (var spec : ManPages.visible(ManPages.routesync().getCommandSpec())) {
            String page = "./usr/share/man/man1/" + spec.qualifiedName("-") + ".1.gz";
            if (!contents.out.contains(" " + page + "\n")) missing.add(page);
        }
        assertEquals(List.of(), missing, contents.out);
        assertTrue(contents.out.matches("(?s).*-rwxr-xr-x root/root .* \\./usr/bin/routesync\n.*"), contents.out);
    }

    @Test
    void installedLauncherRunsTheInstalledJar() throws Exception {
        Path launcher = root.resolve("usr/bin/routesync");
        Result version = run(Map.of(), launcher.toString(), "--version");
        assertEquals(0, version.code, version.toString());
        assertTrue(version.out.startsWith("routesync "), version.toString());
        // the same jar whichever way java is found: a JAVA_HOME without java falls back to PATH
        Result noHome = run(Map.of("JAVA_HOME", root.resolve("no-such-jdk").toString()), launcher.toString(), "--version");
        assertEquals(version.out, noHome.out, noHome.toString());
        // a Java 11 in JAVA_HOME is passed over for a 17+ one
        Path old = Files.createDirectories(root.resolve("old-jdk/bin"));
        Files.writeString(root.resolve("old-jdk/release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path fakeJava = Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'the old java ran' >&2\nexit 3\n");
        assertTrue(fakeJava.toFile().setExecutable(true));
        Result oldHome = run(Map.of("JAVA_HOME", root.resolve("old-jdk").toString()), launcher.toString(), "--version");
        assertEquals(0, oldHome.code, oldHome.toString());
        Result bash = run(Map.of(), launcher.toString(), "completion", "bash");
        assertEquals(Files.readString(root.resolve("usr/share/bash-completion/completions/routesync")), bash.out,
                "the packaged completion is what the packaged routesync prints");
    }

    /**
     * The class-data archive postinst makes (here into the unpacked root's var/cache, where the unpacked
     * launcher looks): the launcher runs the classes from it, and an archive that does not fit (cut
     * short, not an archive at all, made for another jar, gone) changes nothing but speed: same output,
     * exit 0, nothing on stderr. A cut archive crashes JDK 17 (SIGBUS) unless the launcher leaves it out.
     */
    @Test
    void installedLauncherUsesTheArchiveAndRunsWithoutAFittingOne() throws Exception {
        Path share = root.resolve("usr/share/routesync");
        Path cache = root.resolve("var/cache/routesync");
        Path jsa = cache.resolve("routesync.jsa");
        Path size = cache.resolve("routesync.jsa.size");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        String[] validate = {root.resolve("usr/bin/routesync").toString(), "validate", "-f", share.resolve("states/dual-uplink.yml").toString(),
            "--var", "uplink2_addr=192.168.2.10", "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1"};
        try {
            Result made = run(Map.of(), share.resolve("routesync-archive").toString(), java, share.resolve("routesync.jar").toString(), jsa.toString());
            assertEquals(0, made.code, made.toString());
            assertEquals(Long.toString(Files.size(jsa)), Files.readString(size).strip(), "the size beside the archive");

            Path log = root.resolve("class-load.txt");
            Map<String, String> logged = Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
            Result fast = run(logged, validate);
            assertEquals(0, fast.code, fast.toString());
            assertEquals("", fast.err, fast.toString());
            assertTrue(Files.readString(log).contains("io.routesync.cli.Main source: shared objects file"), "routesync's classes come from the archive");
            // the class path and the main class: -jar would read the jar's table of contents once more for its manifest
            Result traced = run(env, "sh", "-x", root.resolve("usr/bin/routesync").toString(), "--version");
            assertTrue(traced.err.lines().anyMatch(l -> l.startsWith("+ exec ") && l.endsWith("/usr/share/routesync/routesync.jar io.routesync.cli.Main --version")),
                    traced.toString());

            byte[] whole = Files.readAllBytes(jsa);
            Files.write(jsa, Arrays.copyOf(whole, 100_000));
            assertSameRun(fast, run(env, validate), "an archive cut short");

            byte[] garbage = new byte[whole.length];
            new Random(1).nextBytes(garbage);
            Files.write(jsa, garbage);
            assertSameRun(fast, run(env, validate), "garbage of the recorded size");

            Files.write(jsa, whole);
            Path jar = share.resolve("routesync.jar");
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
            Files.deleteIfExists(log);
            assertSameRun(fast, run(logged, validate), "an archive made for another jar (stale)");
            assertTrue(!Files.readString(log).contains("io.routesync.cli.Main source: shared objects file"), "a stale archive is not used");

            Files.delete(jsa);
            assertSameRun(fast, run(env, validate), "no archive beside its size file");
        } finally {
            Files.deleteIfExists(jsa);
            Files.deleteIfExists(size);
        }
    }

    private static void assertSameRun(Result expected, Result actual, String what) {
        assertEquals(expected.code, actual.code, what + ": " + actual);
        assertEquals(expected.out, actual.out, what + ": " + actual);
        assertEquals("", actual.err, what + ": " + actual);
    }

    @Test
    void installedDemoConverges() throws Exception {
        KernelAccess.require();
        // from a directory without states/: the demo finds its state in the package
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Result demo = run(Map.of(), elsewhere, root.resolve("usr/bin/routesync").toString(), "demo");
        assertEquals(0, demo.code, demo.toString());
        assertTrue(demo.out.contains("Demo complete"), demo.toString());
    }

    @Test
    void manPagesRender() throws Exception {
        Path man1 = root.resolve("usr/share/man/man1");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> pages = Files.list(man1)) {
            for (Path page : pages.sorted().toList()) {
                Result r;
                if (onPath("man")) {
                    // --warnings: groff's own complaints (bad requests, escapes) go to stderr
                    r = run(Map.of("MANWIDTH", "80"), "man", "--warnings", "-l", page.toString());
                } else {
                    requireTool("groff");
                    r = run(Map.of(), "sh", "-c", "gzip -dc \"$1\" | groff -man -Tutf8 -ww", "sh", page.toString());
                }
                if (r.code != 0 || !r.err.isBlank() || !r.out.contains("SYNOPSIS") || !r.out.contains("routesync")) {
                    problems.add(page.getFileName() + ": " + r);
                }
            }
        }
        assertEquals(List.of(), problems);
        Result plan = run(Map.of("MANWIDTH", "80"), "sh", "-c", "gzip -dc \"$1\" | groff -man -Tutf8 -P-c", "sh",
                man1.resolve("routesync-plan.1.gz").toString());
        assertTrue(plan.out.contains("--state") && plan.out.contains("--detailed-exitcode"), plan.out);
    }

    @Test
    void installedAnsibleCollectionLoads() throws Exception {
        requireTool("ansible-doc");
        Path home = Files.createDirectories(root.resolve("ansible-home"));
        Result doc = run(Map.of("ANSIBLE_COLLECTIONS_PATH", root.resolve("usr/share/ansible/collections").toString(),
                "ANSIBLE_HOME", home.toString(), "ANSIBLE_LOCAL_TEMP", home.toString(), "PYTHONDONTWRITEBYTECODE", "1"),
                "ansible-doc", "routesync.routesync.routesync");
        assertEquals(0, doc.code, doc.toString());
        assertTrue(doc.out.contains("corresponding action plugin"), doc.toString());
    }

    @Test
    void lintianFindsNothing() throws Exception {
        requireTool("lintian");
        // --fail-on warning: errors and warnings fail; the one override (a Java 25 class in Bouncy Castle) is in the package
        Result r = run(Map.of(), "lintian", "--fail-on", "error,warning", deb.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(!r.out.matches("(?s).*^[EW]: .*") && !r.out.contains("\nE: ") && !r.out.contains("\nW: "), r.toString());
    }

    private static void requireTool(String tool) {
        if (onPath(tool)) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(tool + " is needed to test the Debian package and CI=true is set");
        abort("skipped: " + tool + " is not installed");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    private static Result run(Map<String, String> env, String... argv) throws IOException, InterruptedException {
        return run(env, Path.of("").toAbsolutePath(), argv);
    }

    private static Result run(Map<String, String> env, Path cwd, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
        pb.environment().putAll(env);
        Path err = Files.createTempFile("deb-it", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", argv) + " took more than 120 s");
            }
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
