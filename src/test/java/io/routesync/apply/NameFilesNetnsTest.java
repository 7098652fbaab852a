package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.testing.InterceptedTarget;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Script;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target's two name files are written before the batch all or nothing: when the protocol file
 * cannot be renamed into place after the table name file was, the table name file is put back as it
 * was, so "nothing was changed" is true; when even that fails, the error says which file changed.
 */
class NameFilesNetnsTest {
    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("names");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /**
     * Runs the apply script for real, with {@code mv} failing for anything renamed into rt_protos.d (the
     * staging there worked: only the rename fails) and, when {@code rmFails}, {@code rm} failing for the
     * target's table name file.
     */
    private static Target failingRename(Target real, boolean rmFails) {
        return new InterceptedTarget(real, (inner, script, args, stdin, timeout) -> {
            if (!script.equals(Script.APPLY.text())) return inner.run(script, args, stdin, timeout);
            String mv = "mv() { for a; do d=$a; done; case $d in */rt_protos.d/*) echo 'mv: injected failure' >&2; return 1 ;; esac;"
                    + " command mv \"$@\"; }\n";
            String rm = "rm() { for a; do d=$a; done; case $d in */rt_tables.d/routesync-netns-*.conf) echo 'rm: injected failure' >&2;"
                    + " return 1 ;; esac; command rm \"$@\"; }\n";
            return inner.run(mv + (rmFails ? rm : "") + script, args, stdin, timeout);
        });
    }

    private Reconciler reconciler(Target target) {
        TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
        return new Reconciler(target, paths, new Reconciler.Settings(Duration.ofSeconds(5), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    private void apply(Reconciler r) throws Exception {
        String yaml = "tables: { t1: 102 }\nrules:\n  - { priority: 1000, from: 192.0.2.1, table: t1 }\n";
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("s.yml", yaml)), Variables.none(), 245);
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        r.apply(loaded.state(), own, reading, plan, new ApplyRecord.Inputs("t", null, "t"), true, p -> { });
    }

    private Path tablesFile() {
        return dir.resolve("etc/rt_tables.d/routesync-netns-" + ns.name() + ".conf");
    }

    @Test
    void theTableNameFileIsPutBackWhenTheProtocolFileCannotBeRenamed() throws Exception {
        Files.createDirectories(tablesFile().getParent());
        Files.writeString(tablesFile(), "# routesync's names\n101 old\n");
        TransportException e = assertThrows(TransportException.class,
                () -> apply(reconciler(failingRename(LocalTarget.netns(ns.name()), false))));
        assertTrue(e.getMessage().contains("could not write " + dir.resolve("etc/rt_protos.d/routesync-netns-" + ns.name() + ".conf"))
                && e.getMessage().contains("mv: injected failure") && e.getMessage().endsWith("; nothing was changed"), e.getMessage());
        assertEquals("# routesync's names\n101 old\n", Files.readString(tablesFile()), "the table name file is as it was");
        assertFalse(ns.ip("rule", "show").contains("1000:"), "no rule was added");
        try (var files = Files.list(dir.resolve("etc/rt_protos.d"))) {
            assertEquals(List.of(), files.toList(), "no staged temporary file is left behind");
        }
    }

    @Test
    void aTableNameFileThatCannotBePutBackIsNamed() throws Exception {
        TransportException e = assertThrows(TransportException.class,
                () -> apply(reconciler(failingRename(LocalTarget.netns(ns.name()), true))));
        assertTrue(e.getMessage().contains("; no route or rule was changed, but " + tablesFile()
                + " was already written and could not be put back (rm: injected failure)"), e.getMessage());
        assertFalse(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertTrue(Files.readString(tablesFile()).contains("102 t1"), "it is the file the message names");
        assertFalse(ns.ip("rule", "show").contains("1000:"), "no rule was added");
    }
}
