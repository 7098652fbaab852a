package io.routesync.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DOT pictures against golden files (src/test/resources/render/*.dot): rules in kernel order with
 * owned/foreign/kernel styles, a plan's colours, an explained packet's path; deterministic output and
 * escaped labels. Regenerate the golden files with {@code -Dgolden.update=true} and review the diff.
 */
class PolicyDotTest {
    static final Map<String, String> GOLDEN = new LinkedHashMap<>();

    static {
        GOLDEN.put("policy-show.dot", PolicyPictures.show());
        GOLDEN.put("policy-plan.dot", PolicyPictures.plan());
        GOLDEN.put("policy-explain.dot", PolicyPictures.explain());
        GOLDEN.put("policy-explain-blackhole.dot", PolicyPictures.explainBlackhole());
        GOLDEN.put("policy-explain-plan.dot", PolicyPictures.explainWithPlan());
    }

    static String golden(String name) throws IOException {
        try (InputStream in = PolicyDotTest.class.getResourceAsStream("/render/" + name)) {
            if (in == null) return null;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void picturesMatchTheirGoldenFiles() throws IOException {
        for (Map.Entry<String, String> e : GOLDEN.entrySet()) {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(Path.of("src/test/resources/render", e.getKey()), e.getValue());
                continue;
            }
            assertEquals(golden(e.getKey()), e.getValue(), e.getKey());
        }
    }

    @Test
    void showStylesOwnedForeignAndKernelEntriesApart() {
        String dot = PolicyPictures.show();
        assertTrue(dot.contains("[label=\"1000: from 192.168.2.10 lookup uplink2 protocol routesync\\n(owned)\", style=\"rounded,filled\", fillcolor=\"#dbe9f6\"]"), dot);
        assertTrue(dot.contains("[label=\"500: fwmark 0x1 lookup 200\\n(foreign)\", style=\"rounded,dashed\"]"), dot);
        assertTrue(dot.contains("[label=\"32766: lookup main\\n(kernel)\", style=\"rounded,filled\", fillcolor=\"#eeeeee\""), dot);
        // the local table's own routes are summed up, not drawn one by one
        assertTrue(dot.contains("3 local and broadcast routes not drawn"), dot);
        assertFalse(dot.contains("local 192.168.2.10"), dot);
    }

    @Test
    void planColoursAddsDeletesAndReplaces() {
        String dot = PolicyPictures.plan();
        assertTrue(dot.contains("label=\"Plan for netns seed: 2 to add, 1 to change, 2 to delete\""), dot);
        assertTrue(dot.contains("\"+ 1002: fwmark 0x2 lookup uplink2 protocol routesync\\n(owned)\", style=\"rounded,filled,bold\", fillcolor=\"#e3f5e1\", color=\"#1b7f2a\""), dot);
        assertTrue(dot.contains("\"- 1001: to 192.168.2.10 lookup uplink2 protocol routesync\\n(owned)\", style=\"rounded,dashed,bold\", color=\"#c62828\""), dot);
        assertTrue(dot.contains("\"~ default via 192.168.2.1 dev eth1 proto routesync mtu 1400\\nwas: default via 192.168.2.1 dev eth1 proto routesync\\n(owned)\""), dot);
        assertTrue(dot.contains("\"- default via 10.0.0.1 dev vpn0 proto boot\\n(foreign)\""), dot);
        assertTrue(dot.contains("\"+ 10.9.0.0/16 via 192.168.2.1 dev eth1 proto routesync\\n(owned)\""), dot);
    }

    @Test
    void explainHighlightsTheRulesTheTableTheRouteAndTheNextHop() {
        String dot = PolicyPictures.explain();
        String on = "color=\"#1f4fd6\", penwidth=3";
        // rule 0 (local) matched but had no route; rule 1000 decided through uplink2's default route via 192.168.2.1
        assertTrue(dot.contains("packet -> rule0 [constraint=false, " + on + "]"), dot);
        assertTrue(dot.contains("rule0 -> rule2 [constraint=false, label=\"no route in table\", " + on + "]"), dot);
        assertTrue(dot.contains("rule2 -> table102 [" + on + "]"), dot);
        assertTrue(dot.contains("table102 -> table102_0 [" + on + "]"), dot);
        assertTrue(dot.contains("table102_0 -> gw2 [" + on + "]"), dot);
        assertTrue(dot.contains("gw2 -> dev1 [" + on + "]"), dot);
        assertTrue(dot.contains("dev1 -> result [" + on + "]"), dot);
        assertTrue(dot.contains("result [label=\"result: unicast\\nout of eth1\""), dot);
        // the foreign fwmark rule did not match this packet: not on the path
        assertFalse(dot.contains("rule1 [label=\"500: fwmark 0x1 lookup 200\\n(foreign)\", style=\"rounded,dashed\", color"), dot);

        String hole = PolicyPictures.explainBlackhole();
        assertTrue(hole.contains("result [label=\"result: blackhole\\nInvalid argument\""), hole);
        assertTrue(hole.contains("rule4 -> result [" + on + "]"), hole);
    }

    @Test
    void explainWithAPlanDrawsThePathNowAndAfterApply() {
        String dot = PolicyPictures.explainWithPlan();
        String now = "color=\"#1f4fd6\", penwidth=3";
        String after = "color=\"#8e24aa\", penwidth=3";
        // both paths start at rule 0 (local, no route): that edge carries both colours
        assertTrue(dot.contains("packet -> rule0 [constraint=false, color=\"#1f4fd6:#8e24aa\", penwidth=2]"), dot);
        // now: main's default route via 192.0.2.254
        assertTrue(dot.contains("table254 -> table254_0 [" + now + "]"), dot);
        assertTrue(dot.contains("result [label=\"now: result: unicast\\nout of d0\""), dot);
        // after: the added fwmark rule, uplink2, the replaced default route
        assertTrue(dot.contains("rule0 -> rule4 [constraint=false, label=\"no route in table\", " + after + "]"), dot);
        assertTrue(dot.contains("rule4 -> table102 [color=\"#1b7f2a\", " + after + "]"), dot);
        assertTrue(dot.contains("table102 -> table102_0 [color=\"#d35400\", " + after + "]"), dot);
        assertTrue(dot.contains("result_after [label=\"after apply: result: unicast\\nout of eth1\""), dot);
    }

    @Test
    void outputIsTheSameWhateverTheOrderOfTheRoutesRead() {
        Observed o = PolicyPictures.seed().observed();
        String expected = PolicyPictures.show();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Map<TableId, List<Route>> shuffled = new LinkedHashMap<>();
            List<TableId> tables = new ArrayList<>(PolicyPictures.byTable(o).keySet());
            Collections.shuffle(tables, random);
            for (TableId t : tables) {
                List<Route> routes = new ArrayList<>(PolicyPictures.byTable(o).get(t));
                Collections.shuffle(routes, random);
                shuffled.put(t, routes);
            }
            assertEquals(expected, PolicyDot.show("netns seed", o.rules(), shuffled, PolicyPictures.NAMES,
                    PolicyDot.Marks.of(PolicyPictures.OWNERSHIP)));
        }
    }

    @Test
    void labelsEscapeEverythingDotWouldInterpret() {
        assertEquals("\"a\\\"b\\\\c\"", DotGraph.quote("a\"b\\c"));
        // \N, \G, \l are Graphviz escapes: doubled backslashes show them literally
        assertEquals("\"\\\\N \\\\l\"", DotGraph.quote("\\N \\l"));
        // no HTML from data: < > & become entities, which Graphviz shows as the characters
        assertEquals("\"&lt;b&gt; &amp;amp;\"", DotGraph.quote("<b> &amp;"));
        // control, line-separator and bidi characters become visible \xNN text, never a line break
        assertEquals("\"x\\\\x0ay\\\\x0d\\\\x1b\\\\x2028\\\\x202e\"", DotGraph.quote("x\ny\r\u001b\u2028\u202e"));
        assertEquals("\"one\\ntwo\"", DotGraph.label("one", "", "two"));
        String dot = PolicyDot.show("h\"o\nst <script>", List.of(), Map.of(), PolicyPictures.NAMES, PolicyDot.Marks.of(PolicyPictures.OWNERSHIP));
        assertTrue(dot.contains("label=\"Policy routing of h\\\"o\\\\x0ast &lt;script&gt;\""), dot);
    }
}
