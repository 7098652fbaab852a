package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.render.DotRendersTest;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * show, plan and explain {@code --format dot|svg} end to end on a namespace with the seed state applied:
 * the picture names the namespace's own rules, routes and devices, Graphviz renders it, and svg is dot's own output.
 */
class PictureNetnsTest {
    private static final String STATE = String.join("\n",
            "tables: { uplink2: 102 }",
            "rules:",
            "  - { priority: 1000, from: 192.168.2.10, table: uplink2 }",
            "  - { priority: 1001, to: 192.168.2.10, table: uplink2 }",
            "routes:",
            "  uplink2:",
            "    - { to: 192.168.2.0/24, dev: eth1, src: 192.168.2.10, scope: link }",
            "    - { to: default, via: 192.168.2.1, dev: eth1 }",
            "");

    @TempDir
    Path dir;
    Netns ns;
    Path state;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("dot");
        ns.vethPair("eth0", "eth0p");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.1.10/24", "dev", "eth0");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        ns.ip("route", "add", "default", "via", "192.168.1.1", "dev", "eth0");
        state = Files.writeString(dir.resolve("s.yml"), STATE);
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private CliRunner.Result run(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()));
        a.addAll(List.of(more));
        return CliRunner.run(a);
    }

    @Test
    void showPlanAndExplainDrawTheNamespaceAndDotRendersThem() throws Exception {
        Path dot = DotRendersTest.dot();
        CliRunner.Result plan = run("plan", "-f", state.toString(), "--format", "dot");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("\"+ 1000: from 192.168.2.10 lookup uplink2 protocol routesync\\n(owned)\""), plan::toString);
        assertTrue(plan.out().contains("\"+ default via 192.168.2.1 dev eth1 proto routesync\\n(owned)\""), plan::toString);
        DotRendersTest.assertAllNodesDrawn(plan.out(), DotRendersTest.svg(dot, plan.out()));

        // before apply, explain -f draws the reply's path now (eth0, the wrong uplink) and after apply (eth1)
        CliRunner.Result both = run("explain", "-f", state.toString(), "--from", "192.168.2.10", "--to", "203.0.113.5", "--format", "dot");
        assertEquals(0, both.exitCode(), both::toString);
        assertTrue(both.out().contains("result [label=\"now: result: unicast\\nout of eth0\""), both::toString);
        assertTrue(both.out().contains("result_after [label=\"after apply: result: unicast\\nout of eth1\""), both::toString);
        DotRendersTest.assertAllNodesDrawn(both.out(), DotRendersTest.svg(dot, both.out()));

        CliRunner.Result apply = run("apply", "-f", state.toString(), "--auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);

        CliRunner.Result show = run("show", "--format", "dot");
        assertEquals(0, show.exitCode(), show::toString);
        String out = show.out();
        assertTrue(out.startsWith("digraph policy {"), out);
        assertTrue(out.contains("label=\"Policy routing of netns " + ns.name() + "\""), out);
        assertTrue(out.contains("\"1000: from 192.168.2.10 lookup uplink2 protocol routesync\\n(owned)\""), out);
        assertTrue(out.contains("\"32766: lookup main protocol kernel\\n(kernel)\""), out);
        // the main table is drawn even though no rule of routesync looks it up: where the other traffic goes
        assertTrue(out.contains("\"default via 192.168.1.1 dev eth0 proto boot\\n(foreign)\""), out);
        assertTrue(out.contains("[label=\"dev eth1\""), out);
        DotRendersTest.assertAllNodesDrawn(out, DotRendersTest.svg(dot, out));

        CliRunner.Result svg = run("show", "--format", "svg");
        assertEquals(0, svg.exitCode(), svg::toString);
        assertTrue(svg.out().startsWith("<?xml"), svg::toString);
        DotRendersTest.assertAllNodesDrawn(out, svg.out());

        CliRunner.Result explain = run("explain", "--from", "192.168.2.10", "--to", "203.0.113.5", "--format", "dot");
        assertEquals(0, explain.exitCode(), explain::toString);
        assertTrue(explain.out().contains("result [label=\"result: unicast\\nout of eth1\""), explain::toString);
        assertTrue(explain.out().contains("-> result [color=\"#1f4fd6\", penwidth=3]"), explain::toString);
        DotRendersTest.assertAllNodesDrawn(explain.out(), DotRendersTest.svg(dot, explain.out()));

        // --json is still show's JSON, and a second plan as a picture has nothing coloured
        CliRunner.Result json = run("show", "--json");
        assertTrue(json.out().startsWith("{"), json::toString);
        CliRunner.Result again = run("plan", "-f", state.toString(), "--format", "dot");
        assertTrue(again.out().contains("0 to add, 0 to change, 0 to delete"), again::toString);
        assertFalse(again.out().contains("#1b7f2a") || again.out().contains("#c62828"), again::toString);
    }
}
