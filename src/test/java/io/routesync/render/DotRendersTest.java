package io.routesync.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Graphviz as the oracle: every golden picture (and one with hostile text) must be accepted by
 * {@code dot -Tsvg}, and the SVG must hold every node the DOT declares, by its id ({@code <title>}).
 * Without {@code dot} this fails under CI=true (.ci/run installs graphviz) and is skipped elsewhere.
 */
public class DotRendersTest {
    private static final Pattern NODE = Pattern.compile("^\\s+(\\w+) \\[label=", Pattern.MULTILINE);

    public static Path dot() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "dot");
            if (Files.isExecutable(p)) return p;
        }
        String why = "Graphviz's dot is not on PATH (apt-get install graphviz)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, so this test must run: " + why);
        Assumptions.abort(why);
        return null;
    }

    /** The SVG of {@code source}; fails on a non-zero exit or any message from dot. */
    public static String svg(Path dot, String source) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(false).start();
        p.getOutputStream().write(source.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] err;
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
        assertEquals(0, p.exitValue(), () -> new String(err, StandardCharsets.UTF_8) + "\n" + source);
        assertEquals("", new String(err, StandardCharsets.UTF_8), "dot warned about\n" + source);
        return out;
    }

    /** Every node id of {@code source} is a {@code <title>} of the SVG. */
    public static void assertAllNodesDrawn(String source, String svg) {
        Matcher m = NODE.matcher(source);
        int nodes = 0;
        while (m.find()) {
            nodes++;
            assertTrue(svg.contains("<title>" + m.group(1) + "</title>"), () -> m.group(1) + " missing from the SVG");
        }
        assertTrue(nodes > 5, "the pattern finds the nodes");
    }

    @Test
    void dotRendersEveryGoldenPicture() throws Exception {
        Path dot = dot();
        for (Map.Entry<String, String> e : PolicyDotTest.GOLDEN.entrySet()) {
            String golden = PolicyDotTest.golden(e.getKey());
            for (String source : List.of(e.getValue(), golden == null ? e.getValue() : golden)) {
                String svg = svg(dot, source);
                assertTrue(svg.contains("<svg"), e.getKey());
                assertAllNodesDrawn(source, svg);
            }
        }
        String explain = svg(dot, PolicyPictures.explain());
        assertTrue(explain.contains("1000: from 192.168.2.10 lookup uplink2 protocol routesync"), explain);
        assertTrue(explain.contains("result: unicast"), explain);
    }

    @Test
    void hostileTextStaysText() throws Exception {
        Path dot = dot();
        String source = PolicyDot.show("h\"o\\N\nst <script>&amp; \u202e", List.of(), Map.of(), PolicyPictures.NAMES,
                PolicyDot.Marks.of(PolicyPictures.OWNERSHIP));
        String svg = svg(dot, source);
        assertFalse(svg.contains("<script"), svg);
        // the SVG text is the name as given, control characters as visible \xNN
        assertTrue(svg.contains("Policy routing of h&quot;o\\N\\x0ast &lt;script&gt;&amp;amp; \\x202e")
                || svg.contains("Policy routing of h\"o\\N\\x0ast &lt;script&gt;&amp;amp; \\x202e"), svg);
    }
}
