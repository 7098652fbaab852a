package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 items 4, 5 and 7: lines pasted from iproute2's documentation and tests mean what they mean
 * to {@code ip}, or are refused with the true reason, never silently something else.
 */
class PastedLinesTest {
    private static LoadedState load(String body) throws InvalidInputException {
        return StateLoader.load(List.of(new SourceFile("s.yml", body)), Variables.none(), 245);
    }

    private static String refusal(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(body));
        return e.diagnostics().stream().map(Diagnostic::format).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void minus6MakesAnIpv6RouteEvenWithoutAnyAddress() throws Exception {
        List<Route> routes = load("routes:\n  100:\n    - \"-6 default nhid 91\"\n    - \"default nhid 91\"\n").state().routes();
        assertEquals(Family.INET6, routes.get(0).family(), "the pasted -6 is honoured");
        assertEquals("::/0", routes.get(0).dst().toString());
        assertEquals(Family.INET, routes.get(1).family());
    }

    /** Item 3: import writes an IPv6 default route so that it reads back as IPv6. */
    @Test
    void importedIpv6DefaultRoutesReadBackAsIpv6() throws Exception {
        List<Route> routes = load("routes:\n  102:\n    - { family: inet6, to: default, dev: eth1 }\n"
                + "    - { family: inet6, to: default, nhid: 9, metric: 5 }\n    - { family: inet6, to: default, type: unreachable, metric: 6 }\n")
                .state().routes();
        String yaml = io.routesync.config.state.StateYamlRenderer.render(List.of(), java.util.Map.of(), List.of(),
                java.util.Map.of(TableId.of(102), routes), io.routesync.iproute2.Names.builtin(), null);
        assertTrue(yaml.contains("\"::/0 dev eth1"), yaml);
        assertTrue(yaml.contains("\"unreachable ::/0"), yaml);
        assertEquals(routes, load(yaml).state().routes(), yaml);
    }

    /** A live route the state grammar refuses is imported as a comment that says why, so the file still loads. */
    @Test
    void aLiveRouteTheGrammarRefusesIsImportedAsAComment() throws Exception {
        List<Route> live = io.routesync.iproute2.RouteGrammar.parseShow("7 10.94.0.0/16 nhid 1 via 192.168.2.1 dev d0 \n10.95.0.0/16 dev d0 \n",
                Family.INET, TableId.of(102), io.routesync.iproute2.Names.builtin(), "ip -N route list table 102");
        String yaml = io.routesync.config.state.StateYamlRenderer.render(List.of(), java.util.Map.of(), List.of(),
                java.util.Map.of(TableId.of(102), live), io.routesync.iproute2.Names.builtin(), null);
        assertTrue(yaml.contains("# not importable: \"unreachable 10.94.0.0/16 nhid 1 proto boot\" (a route with nhid takes its path"), yaml);
        assertEquals(List.of(live.get(1)), load(yaml).state().routes(), yaml);
    }

    @Test
    void minus6MakesAnIpv6RuleInTheStringForm() throws Exception {
        List<Rule> rules = load("rules:\n  - \"-6 pref 100 fwmark 1 lookup 100\"\n").state().rules();
        assertEquals(Family.INET6, rules.get(0).family());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-n ns1 default dev eth0|is an ip option that a route entry cannot carry",
            "-0 default dev eth0|(routesync manages IPv4 and IPv6 only)",
            "-family mpls default dev eth0|is not one routesync manages",
            "-4 -6 default dev eth0|contradicts",
            "-6 10.0.0.0/8 dev eth0|is IPv4 but the route is IPv6",
            "-6|has only options"})
    void otherOptionsAndContradictionsAreRefused(String line, String reason) {
        String text = refusal("routes:\n  100:\n    - \"" + line + "\"\n");
        assertTrue(text.contains(reason), text);
    }

    @Test
    void aRuleWithoutActionLooksUpMainAndThePlanSaysSo() throws Exception {
        LoadedState loaded = load("rules:\n  - \"pref 1000 dsfield 0x10\"\n  - { priority: 1001, fwmark: 7 }\n");
        for (Rule r : loaded.state().rules()) assertEquals(TableId.MAIN, r.table());
        List<String> warnings = loaded.warnings().stream().map(Diagnostic::format).toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("names no action, so it looks up table main"), warnings.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001:db8:90::/40 dev eth0|the kernel would accept it but store 2001:db8::/40 instead",
            "2001:db8:91::/64 from 2001:db8:5::1/48 dev eth0|from 2001:db8:5::1/48 has host bits set; the kernel would accept it but store 2001:db8:5::/48",
            "10.1.2.0/16 dev eth0|the kernel refuses it (Invalid prefix for given prefix length)",
            "2001:db8:1::/48 dev eth0 expires 30|expires makes a temporary IPv6 route",
            "blackhole 10.9.0.0/16 nhid 5|takes its path from the nexthop object",
            "nat 10.5.0.0/16 via 192.0.2.1|route NAT was removed from the kernel",
            "10.5.0.0/16 encap mpls 100 via 192.0.2.1 dev eth0|is not managed by routesync"})
    void whatCannotBeReproducedIsRefusedWithTheTrueReason(String line, String reason) {
        String text = refusal("routes:\n  100:\n    - \"" + line + "\"\n");
        assertTrue(text.contains(reason), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pref 10 unicast|is a route type; as a rule action iproute2 would send its number (1",
            "pref 10 nat 192.0.2.1|route NAT, which the kernel removed",
            "pref 10 map-to 192.0.2.1|route NAT, which the kernel removed"})
    void ruleWordsThatMeanSomethingElseAreRefused(String line, String reason) {
        String text = refusal("rules:\n  - \"" + line + "\"\n");
        assertTrue(text.contains(reason), text);
    }
}
