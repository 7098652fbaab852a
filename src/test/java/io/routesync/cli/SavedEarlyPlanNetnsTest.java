package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.RoutingSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host routesync applied to has a footprint, so a plan reads it while its state loads (EarlyRead). A
 * plan that is not saved leaves that reading undigested (read.sh's nodigest); plan --out digests it (the
 * file names the digest), and apply FILE accepts the plan of an unchanged host and finds it stale after a
 * change, as for any plan.
 */
class SavedEarlyPlanNetnsTest {
    private static final String STATE = String.join("\n",
            "tables: { t102: 102 }",
            "routes:",
            "  t102:",
            "    - 10.6.0.0/16 via 198.51.100.1 dev d1",
            "");

    @TempDir
    Path dir;
    private Netns ns;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("savedearly");
        ns.vethPair("d1", "d1p");
        ns.ip("address", "add", "198.51.100.10/24", "dev", "d1");
        Files.writeString(dir.resolve("s.yml"), STATE);
        CliRunner.Result apply = CliRunner.run(args("apply", "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals("102\n", Files.readString(dir.resolve("routesync/tables")), "a footprint: plans read early");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /** The command on the namespace, with paths a plan file may name (iproute2 and routesync directories). */
    private List<String> args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "-f", dir.resolve("s.yml").toString(), "--netns", ns.name(),
                "--etc-dir", dir.resolve("iproute2").toString(), "--state-dir", dir.resolve("routesync").toString(),
                "--lock-dir", dir.resolve("routesync").toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void aSavedPlanOfAHostReadEarlyIsDigestedAndFoundStaleAfterAChange() throws Exception {
        Path plan = Files.createDirectories(dir.resolve("plans")).resolve("p.plan");
        Files.writeString(dir.resolve("s.yml"), STATE + "    - 10.7.0.0/16 via 198.51.100.1 dev d1\n");
        CliRunner.Result saved = CliRunner.run(args("plan", "--out", plan.toString()));
        assertEquals(0, saved.exitCode(), saved::toString);
        // the file names the digest of the reading the plan was made from, as it always did
        assertTrue(Files.readString(plan).matches("(?s).*\"reading_digest\" ?: ?\"[0-9a-f]{64}\".*"), Files.readString(plan));
        CliRunner.Result applied = CliRunner.run("apply", plan.toString());
        assertEquals(0, applied.exitCode(), applied::toString);
        assertTrue(applied.out().contains("Apply complete: 1 added, 0 changed, 0 deleted.\n"), applied::toString);

        Files.writeString(dir.resolve("s.yml"), STATE);
        assertEquals(0, CliRunner.run(args("plan", "--out", plan.toString())).exitCode());
        ns.ip("route", "add", "10.9.0.0/16", "dev", "d1", "table", "102");
        String before = RoutingSnapshot.of(ns);
        CliRunner.Result stale = CliRunner.run("apply", plan.toString());
        assertEquals(1, stale.exitCode(), stale::toString);
        assertTrue(stale.err().startsWith("error: plan is stale: netns " + ns.name()), stale::toString);
        assertEquals(before, RoutingSnapshot.of(ns), "nothing applied");
    }
}
