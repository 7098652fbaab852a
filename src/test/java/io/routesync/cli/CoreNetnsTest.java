package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, show and import against namespaces set up by hand (issue "Core", its namespace tests). */
class CoreNetnsTest {
    @TempDir
    Path dir;
    private final List<Netns> namespaces = new ArrayList<>();

    @AfterEach
    void tearDown() {
        namespaces.forEach(Netns::close);
    }

    private Netns namespace(String prefix) {
        KernelAccess.require();
        Netns ns = Netns.create(prefix);
        namespaces.add(ns);
        return ns;
    }

    private List<String> target(Netns ns, String etc) {
        return List.of("--netns", ns.name(), "--etc-dir", dir.resolve(etc).toString(),
                "--state-dir", dir.resolve("state-" + ns.name()).toString(), "--lock-dir", dir.toString());
    }

    private CliRunner.Result cli(List<String> command, Netns ns, String etc) {
        List<String> args = new ArrayList<>(command);
        args.addAll(target(ns, etc));
        return CliRunner.run(args);
    }

    private Netns handMade() {
        Netns ns = namespace("core");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        // by hand: the seed recipe with a wrong gateway, a stray route, and a foreign rule into main
        ns.ip("route", "add", "192.168.2.0/24", "dev", "eth1", "src", "192.168.2.10", "table", "102");
        ns.ip("route", "add", "default", "via", "192.168.2.254", "dev", "eth1", "table", "102");
        ns.ip("route", "add", "10.66.0.0/16", "via", "192.168.2.1", "dev", "eth1", "table", "102");
        ns.ip("rule", "add", "pref", "1000", "from", "192.168.2.10", "table", "102");
        ns.ip("rule", "add", "pref", "900", "fwmark", "0x9", "lookup", "main");
        return ns;
    }

    private static List<String> seed() {
        return List.of("-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
                "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1", "--no-color");
    }

    @Test
    void planOfAHandMadeHostAdoptsWhatMatchesAndFixesTheRest() {
        Netns ns = handMade();
        List<String> plan = new ArrayList<>(List.of("plan"));
        plan.addAll(seed());
        CliRunner.Result run = cli(plan, ns, "etc");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "routesync will perform these changes on netns " + ns.name() + ":",
                "",
                "  + table uplink2 = 102 (rt_tables.d/routesync-netns-" + ns.name() + ".conf)",
                "  ~ ip route replace default via 192.168.2.1 dev eth1 table uplink2 proto routesync",
                "      was: default via 192.168.2.254 dev eth1 table uplink2 proto boot",
                "  + ip rule add pref 1001 to 192.168.2.10 lookup uplink2 protocol routesync",
                "  - ip route del 10.66.0.0/16 via 192.168.2.1 dev eth1 table uplink2 proto boot",
                "",
                "Plan: 2 to add, 1 to change, 1 to delete.",
                "",
                // the seed's expect: the reply path moves to the desired gateway, as expected
                "Expectations this plan changes:",
                "  ~ from 192.168.2.10 to 203.0.113.5 (states/dual-uplink.yml:24:5)",
                "      live:    via 192.168.2.254 dev eth1 (rule 1000: from 192.168.2.10 lookup uplink2, route default via 192.168.2.254"
                        + " dev eth1 proto boot in table uplink2)",
                "      desired: via 192.168.2.1 dev eth1 (rule 1000: from 192.168.2.10 lookup uplink2, route default via 192.168.2.1"
                        + " dev eth1 proto routesync in table uplink2)  as expected",
                ""), run.out());
        // the subnet route and the from-rule were made by hand exactly as desired: adopted, no change
    }

    @Test
    void showMarksOwnedForeignAndKernelEntries() {
        Netns ns = handMade();
        List<String> show = new ArrayList<>(List.of("show"));
        show.addAll(seed());
        CliRunner.Result run = cli(show, ns, "etc");
        assertEquals(0, run.exitCode(), run::toString);
        String out = run.out();
        assertTrue(out.contains("  - \"pref 0 lookup local protocol kernel\"  # kernel\n"), out);
        assertTrue(out.contains("  - \"pref 900 fwmark 0x9 lookup main protocol unspec\"  # foreign\n"), out);
        assertTrue(out.contains("  - \"pref 1000 from 192.168.2.10 lookup 102 protocol unspec\"  # owned\n"), out);
        assertTrue(out.contains("  \"102\":  # table 102, owned\n"), out);
        assertTrue(out.contains("    - \"10.66.0.0/16 via 192.168.2.1 dev eth1 proto boot\"  # owned\n"), out);
        assertTrue(out.contains("tables: the names in rt_tables.d/routesync-netns-" + ns.name() + ".conf\n"), out);
    }

    @Test
    void importThenPlanIsEmptyAndApplyingItElsewhereReproducesTheHost() throws Exception {
        Netns original = namespace("imp");
        Netns copy = namespace("copy");
        List<String> setup = fixtureSetup();
        Predicate<String> entry = l -> l.matches("ip (-6 )?(route|rule) .*");
        // links the fixture takes down after its routes exist; the copy too, or the kernel refuses those routes
        Predicate<String> linkDown = l -> l.matches("ip link set \\S+ down");
        for (String line : setup) run(original, line);
        run(original, "ip rule add pref 998 lookup 100");
        for (String line : setup) if (!entry.test(line) && !linkDown.test(line)) run(copy, line);
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/rt_tables"), "101 isp\n");

        CliRunner.Result imported = cli(List.of("import"), original, "etc");
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("tables:\n  isp: 101\n"), imported.out());
        Path state = dir.resolve("imported.yml");
        Files.writeString(state, imported.out());

        CliRunner.Result plan = cli(List.of("plan", "--detailed-exitcode", "-f", state.toString()), original, "etc");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().startsWith("No changes."), plan::toString);

        CliRunner.Result apply = cli(List.of("apply", "--auto-approve", "-f", state.toString()), copy, "etc-copy");
        assertEquals(0, apply.exitCode(), apply::toString);
        for (String line : setup) if (linkDown.test(line)) run(copy, line);
        for (String[] listing : new String[][] {{"rule", "show"}, {"-6", "rule", "show"},
                {"route", "show", "table", "100"}, {"-6", "route", "show", "table", "100"}}) {
            assertEquals(stable(original.ip(listing)), stable(copy.ip(listing)), String.join(" ", listing));
        }
    }

    /** Kernel state that no configuration reproduces: the countdown of an expiring IPv6 route. */
    private static String stable(String listing) {
        return listing.replaceAll(" expires \\d+sec", "");
    }

    private static void run(Netns ns, String line) {
        List<String> words = Arrays.asList(line.split(" "));
        ns.ip(words.subList(1, words.size()).toArray(new String[0]));
    }

    private static List<String> fixtureSetup() throws IOException {
        try (InputStream in = CoreNetnsTest.class.getResourceAsStream("/fixtures/ip/inet/setup.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
