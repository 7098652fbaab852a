package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files routesync keeps on a target, through the CLI on real namespaces: targets sharing one
 * iproute2 directory each keep their own name file and all stay converged; the lock and state
 * directories are refused when others could tamper with them, and a planted symbolic link is never
 * followed; a file that cannot be written is named, with its reason, and never reported as complete.
 */
class TargetFilesNetnsTest {
    @TempDir
    Path dir;
    private final List<Netns> namespaces = new ArrayList<>();

    @BeforeEach
    void setUp() {
        KernelAccess.require();
    }

    @AfterEach
    void tearDown() {
        for (Netns ns : namespaces) ns.close();
    }

    private Netns ns(String prefix) {
        Netns ns = Netns.create(prefix);
        namespaces.add(ns);
        return ns;
    }

    private Path state(String name, String table, int id) throws Exception {
        Path f = dir.resolve(name + ".yml");
        Files.writeString(f, "tables: { " + table + ": " + id + " }\n"
                + "rules:\n  - { priority: 1000, from: 192.0.2.1, table: " + table + " }\n");
        return f;
    }

    /** Each namespace has its own state and lock dirs; all share the etc dir {@code etc}. */
    private CliRunner.Result cli(Netns ns, String etc, Path lockDir, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--netns", ns.name(), "--etc-dir", dir.resolve(etc).toString(),
                "--state-dir", dir.resolve("state-" + ns.name()).toString(), "--lock-dir", lockDir.toString()));
        return CliRunner.run(args);
    }

    private CliRunner.Result cli(Netns ns, String... command) {
        return cli(ns, "etc", dir, command);
    }

    @Test
    void namespacesSharingAnEtcDirEachKeepTheirNamesAndStayConverged() throws Exception {
        Netns a = ns("na");
        Netns b = ns("nb");
        Netns c = ns("nc"); // stands in for the host: a third target of the same etc dir
        CliRunner.Result r = cli(a, "apply", "--auto-approve", "-f", state("a", "t1", 102).toString());
        assertEquals(0, r.exitCode(), r.toString());
        r = cli(b, "apply", "--auto-approve", "-f", state("b", "t2", 103).toString());
        assertEquals(0, r.exitCode(), r.toString());
        r = cli(c, "apply", "--auto-approve", "-f", state("c", "t1", 102).toString());
        assertEquals(0, r.exitCode(), "the same name with the same id in another target's file is no conflict\n" + r);
        for (Netns ns : List.of(a, b, c)) {
            String name = ns == a ? "a" : ns == b ? "b" : "c";
            r = cli(ns, "plan", "--detailed-exitcode", "-f", dir.resolve(name + ".yml").toString());
            assertEquals(0, r.exitCode(), ns.name() + " plans nothing after the others applied\n" + r);
        }
        Path names = dir.resolve("etc/rt_tables.d");
        assertTrue(Files.readString(names.resolve("routesync-netns-" + a.name() + ".conf")).contains("102 t1\n"));
        assertTrue(Files.readString(names.resolve("routesync-netns-" + b.name() + ".conf")).contains("103 t2\n"));
        assertTrue(Files.readString(names.resolve("routesync-netns-" + c.name() + ".conf")).contains("102 t1\n"));
        // ip, in any namespace, reads every file of the directory: each name resolves for the others too
        assertFalse(Files.exists(names.resolve("routesync.conf")), "no target wrote the host's file");
    }

    @Test
    void theSameNameForAnotherIdInAnotherTargetsFileIsAClearError() throws Exception {
        Netns a = ns("ca");
        Netns b = ns("cb");
        CliRunner.Result r = cli(a, "apply", "--auto-approve", "-f", state("a", "t1", 102).toString());
        assertEquals(0, r.exitCode(), r.toString());
        r = cli(b, "plan", "-f", state("b", "t1", 103).toString());
        assertEquals(65, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the table name 't1' is declared for table 103 but ")
                && r.err().contains("routesync-netns-" + a.name() + ".conf (routesync's names for netns " + a.name()
                        + ") binds it to table 102"), r.toString());
        r = cli(b, "apply", "--auto-approve", "-f", dir.resolve("b.yml").toString());
        assertEquals(65, r.exitCode(), r.toString());
        assertFalse(Files.exists(dir.resolve("etc/rt_tables.d/routesync-netns-" + b.name() + ".conf")), "nothing was written");
    }

    @Test
    void aLockDirOthersCanWriteIsRefused() throws Exception {
        Netns a = ns("lk");
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRunner.Result r = cli(a, "etc", open, "plan", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("routesync's lock directory " + open + " on netns " + a.name()
                + " is writable by group or others (mode 777)"), r.toString());
        assertFalse(Files.exists(open.resolve("routesync-netns-" + a.name() + ".lock")), "no lock file was made there");
    }

    @Test
    void aLockDirThatIsALinkIsRefusedAndAMissingOneIsCreatedPrivate() throws Exception {
        Netns a = ns("ll");
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        CliRunner.Result r = cli(a, "etc", link, "plan", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("routesync's lock directory " + link + " on netns " + a.name() + " is a symbolic link"), r.toString());
        Path fresh = dir.resolve("fresh/lock");
        r = cli(a, "etc", fresh, "plan", "-f", dir.resolve("a.yml").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aLinkPlantedAsTheLockFileIsNotFollowed() throws Exception {
        Netns a = ns("lf");
        Path victim = dir.resolve("victim");
        Path locks = Files.createDirectory(dir.resolve("locks"));
        Files.createSymbolicLink(locks.resolve("routesync-netns-" + a.name() + ".lock"), victim);
        CliRunner.Result r = cli(a, "etc", locks, "plan", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is a symbolic link"), r.toString());
        assertFalse(Files.exists(victim), "the link's target was not created through it");
    }

    @Test
    void aStateDirOthersCanWriteIsRefused() throws Exception {
        Netns a = ns("sd");
        Path st = Files.createDirectory(dir.resolve("state-" + a.name()));
        Shell.check("chmod", "1777", st.toString());
        CliRunner.Result r = cli(a, "plan", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("routesync's state directory " + st + " on netns " + a.name()
                + " is writable by group or others (mode 1777)"), r.toString());
    }

    @Test
    void writesNeverFollowALinkAtTheTemporaryOrTheFinalName() throws Exception {
        Netns a = ns("aw");
        Path names = Files.createDirectories(dir.resolve("etc/rt_tables.d"));
        Path victim = dir.resolve("victim");
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "precious\n");
        // the old predictable temporary names, and the final name itself
        Files.createSymbolicLink(names.resolve("routesync.conf.routesync-new"), victim);
        Files.createSymbolicLink(names.resolve("routesync-netns-" + a.name() + ".conf.routesync-new"), victim);
        Path own = names.resolve("routesync-netns-" + a.name() + ".conf");
        Files.createSymbolicLink(own, precious);
        CliRunner.Result r = cli(a, "apply", "--auto-approve", "-f", state("a", "t1", 102).toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(Files.exists(victim), "nothing was written through a link at a temporary name");
        assertEquals("precious\n", Files.readString(precious), "nothing was written through a link at the final name");
        assertFalse(Files.isSymbolicLink(own));
        assertTrue(Files.readString(own).contains("102 t1\n"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)), "ip reads it as any user");
    }

    @Test
    void anEtcDirThatCannotBeWrittenIsNamedWithItsReasonAndNothingChanges() throws Exception {
        Netns a = ns("ro");
        Files.writeString(dir.resolve("file"), "a regular file\n");
        CliRunner.Result r = cli(a, "file/etc", dir, "apply", "--auto-approve", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("could not write " + dir.resolve("file/etc/rt_tables.d/routesync-netns-" + a.name() + ".conf")
                + " on netns " + a.name() + ": ") && r.err().contains("Not a directory") && r.err().contains("nothing was changed"),
                r.toString());
        assertFalse(r.err().contains("connection"), r.toString());
        assertFalse(a.ip("rule", "show").contains("1000:"), "no rule was added");
    }

    @Test
    void aRecordThatCannotBeWrittenIsNoCompleteApply() throws Exception {
        Netns a = ns("rc");
        Path st = Files.createDirectory(dir.resolve("state-" + a.name()));
        Files.writeString(st.resolve("records"), "not a directory\n");
        CliRunner.Result r = cli(a, "apply", "--auto-approve", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.out().contains("Apply complete"), r.toString());
        assertTrue(r.out().contains("The changes were applied and verified (2 added, 0 changed, 0 deleted), but routesync could not write"),
                r.toString());
        assertTrue(r.err().contains("error: could not write " + st + "/records/") && r.err().contains("File exists"), r.toString());
        assertTrue(a.ip("rule", "show").contains("1000:"), "the rule was applied");
    }

    @Test
    void aStateDirThatCannotBeWrittenStopsTheApplyBeforeAnythingChanges() throws Exception {
        Netns a = ns("sf");
        Files.writeString(dir.resolve("file"), "a regular file\n");
        List<String> args = new ArrayList<>(List.of("apply", "--auto-approve", "-f", state("a", "t1", 102).toString()));
        args.addAll(List.of("--netns", a.name(), "--etc-dir", dir.resolve("etc").toString(),
                "--state-dir", dir.resolve("file/state").toString(), "--lock-dir", dir.toString()));
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.out().contains("Apply complete"), r.toString());
        assertTrue(r.err().contains("could not write " + dir.resolve("file/state/tables") + " on netns " + a.name()), r.toString());
        assertFalse(a.ip("rule", "show").contains("1000:"), "no rule was added");
    }

    @Test
    void aForeignNameFileIsReadAsIproute2ReadsIt() throws Exception {
        Netns a = ns("fn");
        Path names = Files.createDirectories(dir.resolve("etc/rt_tables.d"));
        Files.writeString(names.resolve("foreign.conf"), "100 foo bar\n104\n105 after\n");
        CliRunner.Result r = cli(a, "plan", "--detailed-exitcode", "-f", state("a", "t1", 102).toString());
        assertEquals(2, r.exitCode(), "the host is readable\n" + r);
        assertTrue(r.err().contains("warning: netns " + a.name() + ": " + names.resolve("foreign.conf") + ":2: iproute2 cannot read '104'"
                + " and stops reading the file there"), r.toString());
        r = cli(a, "plan", "-f", state("b", "foo", 101).toString());
        assertEquals(65, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the table name 'foo' is declared for table 101 but the host already binds it to table 100"), r.toString());
        r = cli(a, "plan", "--detailed-exitcode", "-f", state("c", "after", 106).toString());
        assertEquals(2, r.exitCode(), "'105 after' comes after the line iproute2 stops at: it binds nothing\n" + r);
    }

    @Test
    void everyPlanAndRecordNamesTheNamespacesOwnNameFile() throws Exception {
        Netns a = ns("pf");
        String own = "(rt_tables.d/routesync-netns-" + a.name() + ".conf)";
        CliRunner.Result r = cli(a, "plan", "-f", state("a", "t1", 102).toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  + table t1 = 102 " + own + "\n"), r.toString());
        assertFalse(r.out().contains("(rt_tables.d/routesync.conf)"), r.toString());
        r = cli(a, "plan", "--json", "-f", dir.resolve("a.yml").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("\"command\" : \"table t1 = 102 " + own + "\""), r.toString());
        Path saved = dir.resolve("a.plan");
        // a plan file records its directories, and apply FILE accepts only ones named iproute2 / routesync
        r = CliRunner.run("plan", "--out", saved.toString(), "-f", dir.resolve("a.yml").toString(), "--netns", a.name(),
                "--etc-dir", dir.resolve("iproute2").toString(), "--state-dir", dir.resolve("routesync").toString(),
                "--lock-dir", dir.resolve("routesync").toString());
        assertEquals(0, r.exitCode(), r.toString());
        r = CliRunner.run("apply", saved.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  + table t1 = 102 " + own + "\n"), "a saved plan knows its target's file\n" + r);
        String record = Files.readString(dir.resolve("routesync/records/last.json"));
        assertTrue(record.contains("\"command\":\"table t1 = 102 " + own + "\""), record);
    }

    @Test
    void aProtocolFileThatCannotBeWrittenLeavesTheTableNamesUnwrittenToo() throws Exception {
        Netns a = ns("pw");
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/rt_protos.d"), "a regular file where the directory should be\n");
        CliRunner.Result r = cli(a, "apply", "--auto-approve", "-f", state("a", "t1", 102).toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("could not write " + dir.resolve("etc/rt_protos.d/routesync-netns-" + a.name() + ".conf")
                + " on netns " + a.name() + ": ") && r.err().contains("nothing was changed"), r.toString());
        Path names = dir.resolve("etc/rt_tables.d");
        assertFalse(Files.exists(names.resolve("routesync-netns-" + a.name() + ".conf")), "the table names were not written either");
        try (var left = Files.list(names)) {
            assertEquals(List.of(), left.toList(), "no staged temporary file is left behind");
        }
        assertFalse(a.ip("rule", "show").contains("1000:"), "no rule was added");
    }
}
