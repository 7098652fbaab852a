package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ifupdown itself as the oracle: {@code ifquery -i FILE IFACE} must read every exported file and list,
 * per interface, {@code up:} lines that routesync's own ip grammars read back as exactly the state's
 * entries (protocol included) and {@code down:} lines that delete them in reverse order; {@code ifup
 * --no-act} must accept every interface. Fails under CI=true without ifupdown (Debian package ifupdown).
 */
class InterfacesOracleTest {
    private static final Names NAMES = Names.builtin();

    @Test
    void ifupdownReadsEveryExportAsTheStatesEntries(@TempDir Path tmp) throws Exception {
        Path ifquery = ToolOracle.require("ifquery", "ifupdown");
        Path ifup = ToolOracle.require("ifup", "ifupdown");
        int n = 0;
        int entries = 0;
        for (Map.Entry<String, ExportInput> f : ExportFixtures.all().entrySet()) {
            ExportInput in = f.getValue();
            Exported exported = InterfacesWriter.write(in);
            Path file = tmp.resolve("interfaces" + n++);
            Files.writeString(file, exported.files().get(0).text());
            InterfaceGroups groups = InterfaceGroups.of(in, "ifupdown", InterfacesWriter.NONE);
            for (Interface at : groups.interfaces()) {
                String context = f.getKey() + " " + at + "\n" + exported.files().get(0).text();
                Shell.Result q = Shell.run(ifquery.toString(), "-i", file.toString(), at.name());
                assertEquals(0, q.exitCode(), context + "\n" + q.stderr());
                List<String> up = new ArrayList<>();
                List<String> down = new ArrayList<>();
                for (String line : q.stdout().split("\n")) {
                    if (line.startsWith("up: ")) up.add(read(line.substring(4), "add"));
                    else if (line.startsWith("down: ")) down.add(read(line.substring(6), "del"));
                }
                List<String> expected = new ArrayList<>();
                for (Route r : groups.routes(at)) expected.add("route " + r.family() + " " + IpSyntax.routeArgs(r, null, true));
                for (Rule r : groups.rules(at)) expected.add("rule " + r.family() + " " + IpSyntax.ruleArgs(r, null));
                assertEquals(expected, up, context);
                java.util.Collections.reverse(down);
                assertEquals(expected, down, context);
                entries += up.size();
                Shell.Result dry = Shell.run(ifup.toString(), "--no-act", "-i", file.toString(), at.name());
                assertEquals(0, dry.exitCode(), context + "\n" + dry.stderr());
            }
            Installed.assertNoneLost(f.getKey(), in, exported, Installed.count(groups.routes) + Installed.count(groups.rules));
        }
        assertTrue(entries > 80, "read back only " + entries + " entries");
    }

    /** An {@code ip [-6] route|rule VERB ARGS} line as the entry it means, in the numeric form. */
    private static String read(String command, String verb) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(command.split(" ")));
        assertEquals("ip", words.remove(0), command);
        Family family = Family.INET;
        if (words.get(0).equals("-6")) {
            family = Family.INET6;
            words.remove(0);
        }
        String object = words.remove(0);
        assertEquals(verb, words.remove(0), command);
        if (object.equals("rule")) {
            Rule r = RuleGrammar.parseAdd(words, family, NAMES, -1);
            return "rule " + r.family() + " " + IpSyntax.ruleArgs(r, null);
        }
        int table = words.indexOf("table");
        TableId id = NAMES.table(words.get(table + 1));
        words.remove(table);
        words.remove(table);
        Route r = RouteGrammar.parseAdd(words, family, id, NAMES, -1);
        return "route " + r.family() + " " + IpSyntax.routeArgs(r, null, true);
    }
}
