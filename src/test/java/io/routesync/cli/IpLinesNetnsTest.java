package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.StateLoader;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line suite of issue 16 ({@code src/test/resources/grammar/ip-lines.txt}): every rule and route
 * line is added by hand with {@code ip} in namespace A and through routesync (one state of string
 * entries) in namespace B, with the same topology. Then: the two hosts list the same rules and routes,
 * a second plan of B is empty, and {@code import} of A plans empty against A. Lines routesync refuses
 * on purpose are added by hand in a third namespace (the kernel takes them) and must be refused with
 * their reason. One namespace per role, not per line: the whole suite is three namespaces and four
 * routesync runs.
 *
 * <p>A gateway without dev gets its device from the kernel, which looks the gateway up in the route's
 * table first: the lines keep table 100's own catch-all routes on the device the main table would pick,
 * so the device does not depend on the order the lines are added in.
 *
 * <p>Normalisations, each for a difference that is not a difference: routesync stamps its protocol
 * ({@code proto 245}) on what it adds, so B's listings drop that word; the kernel's own {@code local
 * fe80::...} routes name each namespace's random link-local addresses, so both listings drop those lines.
 */
class IpLinesNetnsTest {
    private static final Pattern TAG = Pattern.compile(" proto 245(?= |$)", Pattern.MULTILINE);
    private static final Pattern LINK_LOCAL = Pattern.compile("^local fe80::\\S* .*\n", Pattern.MULTILINE);

    /** One case of the data file; {@code refusal} null means: reproduced. */
    record Line(int number, String kind, String text, String refusal) {
        boolean isRule() {
            return kind.equals("rule");
        }

        @Override
        public String toString() {
            return "ip-lines.txt:" + number + ": " + kind + " " + text;
        }
    }

    @TempDir
    Path dir;

    static List<Line> lines() throws IOException {
        List<Line> out = new ArrayList<>();
        try (InputStream in = IpLinesNetnsTest.class.getResourceAsStream("/grammar/ip-lines.txt")) {
            String[] text = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int n = 0; n < text.length; n++) {
                String l = text[n].strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] parts = l.split("\\|");
                if (parts.length != 3) throw new IllegalStateException("ip-lines.txt:" + (n + 1) + ": expected KIND | LINE | EXPECTED");
                String expected = parts[2].strip();
                String refusal = expected.equals("reproduced") ? null
                        : expected.startsWith("refused: ") ? expected.substring("refused: ".length()) : null;
                if (refusal == null && !expected.equals("reproduced")) throw new IllegalStateException("ip-lines.txt:" + (n + 1) + ": " + expected);
                out.add(new Line(n + 1, parts[0].strip(), parts[1].strip(), refusal));
            }
        }
        return out;
    }

    /** The same links, addresses and nexthop objects in every namespace, so gateways resolve alike. */
    private static void topology(Netns ns) {
        ns.vethPair("d0", "d0p");
        ns.vethPair("d1", "d1p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        ns.ip("address", "add", "198.51.100.1/24", "dev", "d1");
        ns.ip("-6", "address", "add", "2001:db8::1/64", "dev", "d0", "nodad");
        ns.ip("-6", "address", "add", "2001:db8:1::1/64", "dev", "d1", "nodad");
        ns.ip("nexthop", "add", "id", "1", "via", "192.0.2.254", "dev", "d0");
        ns.ip("nexthop", "add", "id", "2", "via", "192.0.2.253", "dev", "d0");
        ns.ip("nexthop", "add", "id", "3", "group", "1/2");
        ns.ip("nexthop", "add", "id", "23", "blackhole");
        ns.ip("-6", "nexthop", "add", "id", "11", "via", "2001:db8::fe", "dev", "d0");
        ns.ip("-6", "nexthop", "add", "id", "24", "blackhole");
    }

    /** {@code ip [OPTIONS] rule|route add [table 100] WORDS}; the leading -4/-6/-family words are ip's options. */
    private static String byHand(Netns ns, Line line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.text().split("\\s+")));
        List<String> argv = new ArrayList<>();
        while (words.get(0).startsWith("-")) {
            String opt = words.remove(0);
            argv.add(opt);
            if (opt.equals("-family")) argv.add(words.remove(0));
        }
        argv.add(line.kind());
        argv.add("add");
        if (!line.isRule()) argv.addAll(List.of("table", "100"));
        argv.addAll(words);
        var r = ns.tryIp(argv.toArray(String[]::new));
        return r.exitCode() == 0 ? null : line + ": ip " + String.join(" ", argv) + " failed: " + r.stderr().strip();
    }

    private static String yaml(List<Line> lines) {
        StringBuilder s = new StringBuilder("rules:\n");
        for (Line l : lines) {
            if (l.isRule()) s.append("  - \"").append(l.text()).append("\"\n");
        }
        s.append("routes:\n  100:\n");
        for (Line l : lines) {
            if (!l.isRule()) s.append("    - \"").append(l.text()).append("\"\n");
        }
        return s.toString();
    }

    private List<String> args(String command, Netns ns, String role, String... more) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(more));
        a.addAll(List.of("--netns", ns.name(), "--etc-dir", dir.resolve(role + "-etc").toString(),
                "--state-dir", dir.resolve(role + "-state").toString(), "--lock-dir", dir.toString()));
        return a;
    }

    /** What the two hosts must agree on: every rule and every route of both families. */
    private static String listing(Netns ns) {
        String all = "# ip rule show\n" + ns.ip("rule", "show") + "# ip -6 rule show\n" + ns.ip("-6", "rule", "show")
                + "# ip route show table all\n" + ns.ip("route", "show", "table", "all")
                + "# ip -6 route show table all\n" + ns.ip("-6", "route", "show", "table", "all");
        return LINK_LOCAL.matcher(all.replaceAll("[ \t]+\n", "\n")).replaceAll("");
    }

    @Test
    void everyLineIsReproducedExactlyOrRefusedWithItsReason() throws Exception {
        KernelAccess.require();
        List<Line> all = lines();
        List<Line> reproduced = all.stream().filter(l -> l.refusal() == null).toList();
        List<Line> refused = all.stream().filter(l -> l.refusal() != null).toList();
        try (Netns a = Netns.create("linesA"); Netns b = Netns.create("linesB"); Netns c = Netns.create("linesC")) {
            for (Netns ns : List.of(a, b, c)) topology(ns);

            // the kernel takes every line of the suite, refused ones included
            // routes before rules, as routesync's batch does: a gateway without dev is looked up through
            // the rules when table 100 cannot resolve it, and the suite's catch-all rules would make that fail
            List<String> problems = new ArrayList<>();
            List<Line> handOrder = new ArrayList<>(reproduced.stream().filter(l -> !l.isRule()).toList());
            handOrder.addAll(reproduced.stream().filter(Line::isRule).toList());
            for (Line l : handOrder) {
                String p = byHand(a, l);
                if (p != null) problems.add(p);
            }
            for (Line l : refused) {
                String p = byHand(c, l);
                if (p != null) problems.add(p);
            }
            assertEquals(List.of(), problems, "lines the kernel refuses do not belong in the suite");

            // refused on purpose, each alone, with its reason
            for (Line l : refused) {
                try {
                    StateLoader.load(List.of(new SourceFile("line.yml", yaml(List.of(l)))), Variables.none(), 245);
                    problems.add(l + ": was accepted");
                } catch (InvalidInputException e) {
                    String text = e.diagnostics().stream().map(Diagnostic::format).reduce("", String::concat);
                    if (!text.contains(l.refusal())) problems.add(l + ": refused without '" + l.refusal() + "': " + text);
                }
            }
            assertEquals(List.of(), problems);

            // hand-made (A) == routesync-made (B)
            Path state = dir.resolve("lines.yml");
            Files.writeString(state, yaml(reproduced));
            CliRunner.Result apply = CliRunner.run(args("apply", b, "b", "-f", state.toString(), "--auto-approve"));
            assertEquals(0, apply.exitCode(), apply::toString);
            String hand = listing(a);
            String synced = TAG.matcher(listing(b)).replaceAll("");
            assertEquals(hand, synced, "hand-made (expected) and routesync-made listings");
            // guards the comparison: the listings hold the lines, with what the kernel chose for them
            for (String seen : List.of("1030:\tfrom all tos 0x10 lookup main", "10.1.0.0/16 via 192.0.2.254 dev d0 table 100",
                    "blackhole 10.23.0.0/16 nhid 23 dev lo table 100", "default dev d0 table 100 metric 1024",
                    "2001:db8:10::/48 via 2001:db8::fe dev d0 table 100")) {
                assertTrue(hand.contains(seen), () -> "'" + seen + "' in\n" + hand);
            }
            assertTrue(listing(b).contains(" proto 245"), "routesync's entries carry its tag before normalisation");

            // a second plan is empty
            CliRunner.Result again = CliRunner.run(args("plan", b, "b", "-f", state.toString(), "--detailed-exitcode"));
            assertEquals(0, again.exitCode(), again::toString);

            // import of the hand-made host plans empty against it
            CliRunner.Result imported = CliRunner.run(args("import", a, "a"));
            assertEquals(0, imported.exitCode(), imported::toString);
            Path back = dir.resolve("imported.yml");
            Files.writeString(back, imported.out());
            CliRunner.Result replan = CliRunner.run(args("plan", a, "a", "-f", back.toString(), "--detailed-exitcode"));
            assertEquals(0, replan.exitCode(), () -> replan + "\n--- imported:\n" + imported.out());
            for (Line l : reproduced) {
                if (l.isRule()) continue;
                String dst = l.text().replaceFirst("^(-\\S+ (inet6 )?)?(to )?(unicast |unreachable |blackhole |prohibit |throw |local |broadcast |multicast |anycast )?", "")
                        .split(" ")[0];
                if (!dst.equals("default") && !dst.equals("::/0")) {
                    assertTrue(imported.out().contains(dst), () -> l + ": not imported\n" + imported.out());
                }
            }
        }
    }

    @Test
    void theSuiteCoversEveryKeywordOfIpRuleAndIpRoute() throws Exception {
        String text = String.join("\n", lines().stream().map(l -> l.kind() + " " + l.text()).toList());
        for (String k : List.of("not", "from", "to", "tos", "dsfield", "fwmark", "iif", "oif", "dev", "uidrange", "ipproto",
                "sport", "dport", "l3mdev", "tun_id", "lookup", "table", "goto", "nop", "blackhole", "unreachable", "prohibit",
                "suppress_prefixlength", "suppress_ifgroup", "realms", "protocol", "pref", "priority", "preference", "order",
                "type", "via", "onlink", "nexthop", "weight", "nhid", "proto", "scope", "src", "metric", "realm", "mtu",
                "advmss", "window", "rtt", "rttvar", "rto_min", "ssthresh", "cwnd", "initcwnd", "initrwnd", "reordering",
                "hoplimit", "features", "quickack", "congctl", "fastopen_no_cookie", "expires", "throw", "local", "broadcast",
                "multicast", "anycast", "nat", "lock", "inet6", "-6", "-4", "-family")) {
            if (!Pattern.compile("(^|\\s)" + Pattern.quote(k) + "(\\s|$)", Pattern.MULTILINE).matcher(text).find()) {
                fail("no line uses '" + k + "'");
            }
        }
    }
}
