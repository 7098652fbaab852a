package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link DirectRun} (validate and plan without picocli's model) against picocli: every command line it
 * reads gives the command picocli gives, field by field, and the same output; everything else it leaves
 * to picocli.
 */
class DirectRunTest {
    @TempDir
    Path dir;

    /** The benchmark's seed plan and a validate of several files are read directly (not through picocli's model). */
    @Test
    void readsTheCommonCommandLines() {
        String[] seedPlan = {"plan", "--netns", "ns1", "--etc-dir", "/tmp/e", "--state-dir", "/tmp/s", "--lock-dir", "/tmp/l", "-f",
            "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10", "--var", "uplink2_net=192.168.2.0/24",
            "--detailed-exitcode"};
        assertNotNull(DirectRun.parse(Screen.NONE, seedPlan));
        assertNotNull(DirectRun.parse(Screen.NONE, "validate", "-f", "a.yml", "-f", "b.yml", "--no-color"));
        assertNotNull(DirectRun.parse(Screen.NONE, "--no-color", "plan", "-i", "hosts.yml", "--limit", "edge*", "--json"));
        assertSame(seedPlan);
        assertSame("validate", "-f", "a.yml", "--state", "b.yml", "--var", "a=b=c", "--var", "a=", "--proto-number", "007");
    }

    /** What picocli refuses, reads otherwise, or prints help or a stack trace for stays picocli's. */
    @Test
    void leavesEverythingElseToPicocli() {
        for (String[] args : List.of(new String[] {}, new String[] {"plan", "--help"}, new String[] {"plan", "-h"},
                new String[] {"--debug", "plan", "-f", "a"}, new String[] {"plan", "-f", "a", "--debug"}, new String[] {"apply", "-f", "a"},
                new String[] {"plan", "--netns=x"}, new String[] {"plan", "--netns", "a", "--netns", "b"}, new String[] {"plan", "-fa.yml"},
                new String[] {"plan", "-f"}, new String[] {"plan", "-f", "-x"}, new String[] {"plan", "-f", "@args"},
                new String[] {"plan", "-f", ""}, new String[] {"plan", "--var", "novalue"}, new String[] {"plan", "--var", "\"a\"=b"},
                new String[] {"plan", "--timeout", "+5"}, new String[] {"plan", "--timeout", "9999999999"},
                new String[] {"plan", "--json", "--json"}, new String[] {"plan", "--repo", "r"}, new String[] {"plan", "--forks", "2"},
                new String[] {"validate", "--netns", "x"}, new String[] {"plan", "extra"}, new String[] {"plan", "--", "-f"},
                new String[] {"plan", "-f", "a\u0000b"}, new String[] {"--no-color", "--no-color", "plan"},
                new String[] {"--no-color", "plan", "--no-color"})) {
            assertNull(DirectRun.parse(Screen.NONE, args), String.join(" ", args));
        }
    }

    /** Random command lines from the options' names and tricky values: whatever DirectRun reads, picocli reads the same. */
    @Test
    void picocliReadsEveryAcceptedCommandLineTheSame() {
        List<String> names = List.of("-f", "--state", "-i", "--inventory", "--limit", "--var", "--proto-number", "--netns", "--etc-dir",
                "--state-dir", "--lock-dir", "--lock-timeout", "--timeout", "--json", "--format", "--out", "--detailed-exitcode",
                "--no-color", "--debug", "--repo", "--ref", "--forks", "-h", "--nets", "-x", "--var=a=b");
        List<String> values = List.of("a", "ns1", "/tmp/s.yml", "x=1", "a=b=c", "=x", "\"a\"=b", "a=\"b\"", "a=", "-x", "@f", "", "007", "10",
                "+5", "2147483647", "999999999", "0", "plan", "validate", "--json", "sp ace", "ä=ö");
        Random random = new Random(20261205);
        int accepted = 0;
        for (int n = 0; n < 3000; n++) {
            List<String> args = new ArrayList<>();
            if (random.nextInt(4) == 0) args.add("--no-color");
            args.add(random.nextInt(3) == 0 ? "validate" : "plan");
            for (int k = random.nextInt(9); k > 0; k--) {
                args.add(names.get(random.nextInt(names.size())));
                if (random.nextInt(5) > 0) args.add(values.get(random.nextInt(values.size())));
            }
            if (DirectRun.parse(Screen.NONE, args.toArray(String[]::new)) != null) {
                assertSame(args.toArray(String[]::new));
                accepted++;
            }
        }
        assertTrue(accepted > 300, "only " + accepted + " of 3000 were read directly");
    }

    /** Output and exit codes are picocli's path's, to the byte: success, bad input, a usage error, an unreachable target. */
    @Test
    void printsWhatThePicocliPathPrints() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yml"), "tables: { t1: 101 }\nroutes:\n  t1:\n    - 10.0.0.0/8 via 192.0.2.1\n");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "tables: { t1: 101 }\nroutes:\n  t1:\n    - 10.0.0.0/8 vai 192.0.2.1\n");
        for (String[] args : List.of(new String[] {"validate", "-f", good.toString()}, new String[] {"validate", "-f", bad.toString()},
                new String[] {"validate", "-f", dir.resolve("missing.yml").toString()}, new String[] {"validate"},
                new String[] {"validate", "-f", good.toString(), "--proto-number", "300"},
                new String[] {"plan", "-f", good.toString(), "--netns", "routesync-no-such-ns-" + ProcessHandle.current().pid(),
                    "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()},
                new String[] {"plan", "-f", good.toString(), "--format", "nope"}, new String[] {"plan", "-i", good.toString(), "-f", "x"})) {
            assertNotNull(DirectRun.parse(Screen.NONE, args), String.join(" ", args));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
            StringWriter pOut = new StringWriter();
            StringWriter pErr = new StringWriter();
            PrintWriter po = new PrintWriter(pOut);
            PrintWriter pe = new PrintWriter(pErr);
            int pCode = Main.viaPicocli(TerminalSafeWriter.wrap(po), TerminalSafeWriter.wrap(pe), Screen.NONE, args);
            po.flush();
            pe.flush();
            String what = String.join(" ", args);
            assertEquals(pCode, code, what);
            assertEquals(pOut.toString(), out.toString(), what);
            assertEquals(pErr.toString(), err.toString(), what);
        }
    }

    /** DirectRun and picocli make the same command of {@code args}: every field of it, its mixins and the top command. */
    private static void assertSame(String... args) {
        String what = String.join(" ", args);
        DirectRun.Parsed direct = DirectRun.parse(Screen.NONE, args);
        assertNotNull(direct, what);
        RootCommand root = new RootCommand();
        CommandLine cli = RootCommand.commandLine(root, args);
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            fail("picocli refuses what DirectRun reads: " + what + ": " + e.getMessage());
            return;
        }
        Object command = parsed.subcommand().commandSpec().userObject();
        assertEquals(command.getClass(), direct.command().getClass(), what);
        assertFields(command, direct.command(), what);
        assertFields(root, direct.root(), what);
    }

    private static void assertFields(Object expected, Object actual, String what) {
        for (Field f : expected.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType() == CommandLine.Model.CommandSpec.class || f.getType() == Screen.class
                    || f.getType() == RootCommand.class) {
                continue;
            }
            f.setAccessible(true);
            Object e;
            Object a;
            try {
                e = f.get(expected);
                a = f.get(actual);
            } catch (IllegalAccessException x) {
                throw new AssertionError(x);
            }
            String field = what + ": " + expected.getClass().getSimpleName() + "." + f.getName();
            if (e != null && e.getClass().getPackageName().equals(DirectRunTest.class.getPackageName())) {
                assertNotNull(a, field);
                assertFields(e, a, what);
            } else if (e instanceof Map<?, ?> m) {
                assertEquals(List.copyOf(m.entrySet()), List.copyOf(((Map<?, ?>) a).entrySet()), field);
            } else {
                assertEquals(e, a, field);
            }
        }
    }
}
