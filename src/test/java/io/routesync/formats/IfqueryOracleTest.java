package io.routesync.formats;

import io.routesync.formats.export.ToolOracle;
import static io.routesync.formats.ImportRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ifupdown itself as the oracle for the options its commands see as {@code $IF_<OPTION>}: {@code ifquery
 * -i FILE IFACE} prints a stanza's options after ifupdown completed them (an A/N address split, the
 * broadcast computed, inet6 defaults), and {@link StanzaOptions} must give the same (ifupdown must be
 * installed; under CI=true this test fails without it).
 */
class IfqueryOracleTest {
    private static final Set<String> COMMANDS = Set.of("pre-up", "up", "post-up", "down", "pre-down", "post-down");

    @TempDir
    Path dir;

    @Test
    void theOptionsUpLinesSeeAreTheOnesIfqueryPrints() throws IOException {
        ToolOracle.require("ifquery", "ifupdown");
        for (String name : List.of("interfaces/options", "interfaces/eth1", "seed/interfaces")) {
            String text = resource(name);
            Path file = dir.resolve(name.replace('/', '-'));
            Files.writeString(file, text);
            String iface = null;
            String family = null;
            String method = null;
            Map<String, String> options = new LinkedHashMap<>();
            // a trailing backslash joins lines, in ifupdown as in the reader
            for (String line : (text.replace("\\\n", "") + "iface end\n").split("\n")) {
                String[] w = line.strip().split("\\s+", 2);
                if (w[0].equals("iface")) {
                    check(file, iface, family, method, options);
                    String[] head = line.strip().split("\\s+");
                    iface = head[1];
                    family = head.length > 2 ? head[2] : null;
                    method = head.length > 3 ? head[3] : null;
                    options.clear();
                } else if (w[0].equals("auto") || w[0].startsWith("allow-") || w[0].startsWith("source") || w[0].equals("mapping")) {
                    check(file, iface, family, method, options);
                    iface = null;
                } else if (iface != null && w.length == 2 && !w[0].startsWith("#") && !COMMANDS.contains(w[0])) {
                    options.putIfAbsent(w[0], w[1].strip());
                }
            }
        }
    }

    private static void check(Path file, String iface, String family, String method, Map<String, String> options) {
        if (iface == null) return;
        assertEquals(ifquery(file, iface), new TreeMap<>(StanzaOptions.of(family, method, options)), file + " " + iface);
    }

    /** What ifquery prints for the stanza, commands left out. */
    private static Map<String, String> ifquery(Path file, String iface) {
        List<String> argv = List.of("ifquery", "-i", file.toString(), iface);
        String out = Shell.run(argv, null).check(argv).stdout();
        Map<String, String> options = new TreeMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            String key = colon < 0 ? line.replaceAll(":$", "") : line.substring(0, colon);
            if (key.isEmpty() || COMMANDS.contains(key)) continue;
            options.put(key, colon < 0 ? "" : line.substring(colon + 2));
        }
        return options;
    }
}
