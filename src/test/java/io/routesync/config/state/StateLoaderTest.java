package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.Ownership;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Probe;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Good inputs: what a state file means, written out with the model's own builders. */
class StateLoaderTest {
    static final int TAG = 245;
    static final TableId T102 = TableId.of(102);
    static final Interface ETH1 = Interface.of("eth1");
    static final Variables VARS = Variables.commandLine(Map.of(
            "uplink2_addr", "192.168.2.10", "uplink2_net", "192.168.2.0/24", "uplink2_gw", "192.168.2.1"));

    static LoadedState load(Variables vars, String... namesAndTexts) throws InvalidInputException {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) files.add(new SourceFile(namesAndTexts[i], namesAndTexts[i + 1]));
        return StateLoader.load(files, vars, TAG);
    }

    static Rule rule(long priority, String from, String to, TableId table) {
        Rule.Builder b = Rule.builder(Family.INET).priority(Priority.of(priority)).lookup(table).protocol(TAG);
        if (from != null) b.from(Prefix.parse(from));
        if (to != null) b.to(Prefix.parse(to));
        return b.build();
    }

    static Route route(TableId table, String dst, String via, Interface dev) {
        return Route.builder(Family.INET, table).dst(dst.equals("default") ? Prefix.all(Family.INET) : Prefix.parse(dst))
                .nexthop(NextHop.of(via == null ? null : IpAddress.parse(via), dev)).protocol(TAG).build();
    }

    static Route subnetRoute() {
        return Route.builder(Family.INET, T102).dst(Prefix.parse("192.168.2.0/24")).nexthop(NextHop.of(null, ETH1))
                .prefsrc(IpAddress.parse("192.168.2.10")).scope(Route.SCOPE_LINK).protocol(TAG).build();
    }

    static final String DESIGN_EXAMPLE = String.join("\n",
            "tables:",
            "  uplink2: 102",
            "rules:",
            "  - { priority: 1000, from: \"{{ uplink2_addr }}\", table: uplink2 }",
            "  - { priority: 1001, to: \"{{ uplink2_addr }}\", table: uplink2 }",
            "  - \"priority 1002 fwmark 0x2 table uplink2\"      # iproute2 shorthand, same meaning",
            "routes:",
            "  uplink2:",
            "    - { to: \"{{ uplink2_net }}\", dev: eth1, src: \"{{ uplink2_addr }}\", scope: link }",
            "    - { to: default, via: \"{{ uplink2_gw }}\", dev: eth1 }",
            "    - \"10.99.0.0/16 via {{ uplink2_gw }} dev eth1 metric 50\"",
            "");

    @Test
    void designExampleMeansExactlyTheseRulesAndRoutes() throws Exception {
        LoadedState loaded = load(VARS, "states/dual-uplink.yml", DESIGN_EXAMPLE);
        DesiredState s = loaded.state();
        assertEquals(List.of(new TableName("uplink2", T102)), s.tableNames());
        assertEquals(Set.of(T102), s.ownedTables());
        Rule fwmark = Rule.builder(Family.INET).priority(Priority.of(1002)).fwmark(new FwMark(2, FwMark.FULL_MASK))
                .lookup(T102).protocol(TAG).build();
        assertEquals(List.of(rule(1000, "192.168.2.10", null, T102), rule(1001, null, "192.168.2.10", T102), fwmark), s.rules());
        Route metric50 = route(T102, "10.99.0.0/16", "192.168.2.1", ETH1).toBuilder().metric(50).build();
        assertEquals(List.of(subnetRoute(), route(T102, "default", "192.168.2.1", ETH1), metric50), s.routes());
        assertEquals(List.of(), loaded.warnings());
        assertEquals(T102, loaded.names().table("uplink2"));
        assertEquals(TAG, loaded.names().protocol("routesync"));
    }

    @Test
    void uplinkExpandsToTheSeedRecipe() throws Exception {
        DesiredState s = load(Variables.none(), "u.yml", String.join("\n",
                "tables:",
                "  uplink2: 102",
                "uplinks:",
                "  - { dev: eth1, address: 192.168.2.10/24, gateway: 192.168.2.1, table: uplink2 }",
                "")).state();
        assertEquals(List.of(rule(1000, "192.168.2.10", null, T102), rule(1001, null, "192.168.2.10", T102)), s.rules());
        assertEquals(List.of(subnetRoute(), route(T102, "default", "192.168.2.1", ETH1)), s.routes());
        assertEquals(Set.of(T102), s.ownedTables());
    }

    @Test
    void uplinksGetDistinctDefaultPrioritiesAndNumberedTablesAreOwned() throws Exception {
        DesiredState s = load(Variables.none(), "u.yml", String.join("\n",
                "uplinks:",
                "  - { dev: eth1, address: 192.168.2.10/24, gateway: 192.168.2.1, table: 102 }",
                "  - { dev: eth2, address: 192.168.3.10/24, gateway: 192.168.3.1, table: 103 }",
                "  - { dev: eth3, address: 192.168.4.10/24, gateway: 192.168.4.1, table: 104, priority: 500 }",
                "")).state();
        List<Long> priorities = s.rules().stream().map(r -> r.priority().value()).toList();
        assertEquals(List.of(1000L, 1001L, 1010L, 1011L, 500L, 501L), priorities);
        assertEquals(Set.of(T102, TableId.of(103), TableId.of(104)), s.ownedTables());
        assertEquals(List.of(), s.tableNames());
    }

    @Test
    void ipv6UplinkHasNoScopeAndIpv6Rules() throws Exception {
        DesiredState s = load(Variables.none(), "u.yml", String.join("\n",
                "uplinks:",
                "  - { dev: eth1, address: \"2001:db8:2::10/64\", gateway: \"2001:db8:2::1\", table: 102 }",
                "")).state();
        Route subnet = Route.builder(Family.INET6, T102).dst(Prefix.parse("2001:db8:2::/64")).nexthop(NextHop.of(null, ETH1))
                .prefsrc(IpAddress.parse("2001:db8:2::10")).protocol(TAG).build();
        assertEquals(subnet, s.routes().get(0));
        assertEquals(Family.INET6, s.rules().get(0).family());
        assertEquals(Prefix.parse("2001:db8:2::10"), s.rules().get(0).from());
    }

    @Test
    void uplinkAndHandWrittenRecipeAreTheSameEntries() throws Exception {
        DesiredState byHand = load(VARS, "a.yml", DESIGN_EXAMPLE).state();
        DesiredState both = load(VARS, "a.yml", DESIGN_EXAMPLE, "b.yml", String.join("\n",
                "uplinks:",
                "  - { dev: eth1, address: \"{{ uplink2_addr }}/24\", gateway: \"{{ uplink2_gw }}\", table: uplink2 }",
                "")).state();
        assertEquals(byHand, both, "the uplink's entries equal the hand-written ones and collapse into them");
    }

    @Test
    void variablesAreSubstitutedInsideStrings() throws Exception {
        Variables vars = Variables.commandLine(Map.of("net", "10.99", "gw", "192.0.2.1", "dev", "eth1"));
        DesiredState s = load(vars, "v.yml", String.join("\n",
                "routes:",
                "  main:",
                "    - { to: \"{{ net }}.0.0/16\", via: \"{{gw}}\", dev: \"{{ dev }}\" }",
                "    - \"{{ net }}.1.0/24 via {{ gw }} dev {{ dev }}\"",
                "")).state();
        assertEquals(List.of(route(TableId.MAIN, "10.99.0.0/16", "192.0.2.1", ETH1),
                route(TableId.MAIN, "10.99.1.0/24", "192.0.2.1", ETH1)), s.routes());
        assertEquals(Set.of(), s.ownedTables(), "routes in main are not owned");
    }

    @Test
    void shorthandTakesOneWordFromEachVariableAsTheStructuredFormDoes() throws Exception {
        Variables vars = Variables.commandLine(Map.of("gw", "192.0.2.1", "dev", "eth1", "path", "via 192.0.2.1 dev eth1"));
        DesiredState s = load(vars, "v.yml", "routes:\n  main:\n    - \"10.99.0.0/16 via {{ gw }} dev {{ dev }}\"\n").state();
        assertEquals(List.of(route(TableId.MAIN, "10.99.0.0/16", "192.0.2.1", ETH1)), s.routes());
        // several words from one variable could add keywords nobody reviewed in the state file
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load(vars, "v.yml", "routes:\n  main:\n    - \"10.99.0.0/16 {{ path }}\"\n"));
        assertEquals("v.yml:3:21: error: variable 'path' puts \"via 192.0.2.1 dev eth1\" into a shorthand entry, where each variable must be one word",
                e.diagnostics().get(0).format().lines().findFirst().orElseThrow());
    }

    @Test
    void filesMergeAndIdenticalEntriesCollapse() throws Exception {
        LoadedState loaded = load(Variables.none(),
                "base.yml", String.join("\n",
                        "tables:",
                        "  uplink2: 102",
                        "rules:",
                        "  - { priority: 1000, from: 192.168.2.10, table: uplink2 }",
                        "routes:",
                        "  main:",
                        "    - { to: 10.99.0.0/16, via: 192.0.2.1, dev: eth1 }",
                        ""),
                "extra.yml", String.join("\n",
                        "tables:",
                        "  uplink2: 102",
                        "  uplink3: 103",
                        "rules:",
                        "  - \"priority 1000 from 192.168.2.10 table uplink2\"",
                        "  - \"priority 1000 from 192.168.3.10 table uplink3\"",
                        "routes:",
                        "  254:",
                        "    - \"10.99.0.0/16 via 192.0.2.1 dev eth1\"",
                        "  uplink3:",
                        "    - \"default via 192.168.3.1 dev eth2\"",
                        ""));
        DesiredState s = loaded.state();
        assertEquals(List.of(new TableName("uplink2", T102), new TableName("uplink3", TableId.of(103))), s.tableNames());
        assertEquals(List.of(rule(1000, "192.168.2.10", null, T102), rule(1000, "192.168.3.10", null, TableId.of(103))), s.rules());
        assertEquals(List.of(route(TableId.MAIN, "10.99.0.0/16", "192.0.2.1", ETH1),
                route(TableId.of(103), "default", "192.168.3.1", Interface.of("eth2"))), s.routes());
        assertEquals(Set.of(T102, TableId.of(103)), s.ownedTables());
    }

    @Test
    void explicitlyEmptyFilesAndEmptySectionsAreAnEmptyState() throws Exception {
        DesiredState s = load(Variables.none(), "braces.yml", "{}\n", "tables.yml", "# on purpose\ntables: {}\n",
                "sections.yml", "tables: {}\nrules: []\nroutes:\nuplinks:\n").state();
        assertEquals(DesiredState.empty(), s);
    }

    @Test
    void aFileOfBareSectionsIsRefusedLikeAnEmptyFileEvenBesideOneWithContent() {
        // what a file cut right after its first line looks like: it must not delete everything routesync owns
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(Variables.none(),
                "full.yml", "tables:\n  web: 100\n", "cut.yml", "tables:\n"));
        assertEquals(1, e.diagnostics().size(), e.diagnostics()::toString);
        assertEquals("cut.yml:1:1", e.diagnostics().get(0).pos().toString());
        assertTrue(e.diagnostics().get(0).message().startsWith("the state file is empty"), e.diagnostics()::toString);
        assertThrows(InvalidInputException.class, () -> load(Variables.none(), "sections.yml", "tables:\nrules:\nroutes: ~\nuplinks: ''\n"));
    }

    @Test
    void aliasesAndMergeKeysInAStateAreTheirValues() throws Exception {
        // the alias used to be read as the anchor's name: this planned "dev eth1"
        DesiredState s = load(Variables.none(), "a.yml", String.join("\n",
                "routes:",
                "  main:",
                "    - &first { to: 10.98.0.0/16, via: 192.0.2.1, dev: &uplink eth2 }",
                "    - { to: 10.99.0.0/16, via: 192.0.2.1, dev: *uplink }",
                "    - { <<: *first, to: 10.97.0.0/16 }",
                "")).state();
        Interface eth2 = Interface.of("eth2");
        assertEquals(List.of(route(TableId.MAIN, "10.98.0.0/16", "192.0.2.1", eth2), route(TableId.MAIN, "10.99.0.0/16", "192.0.2.1", eth2),
                route(TableId.MAIN, "10.97.0.0/16", "192.0.2.1", eth2)), s.routes());
    }

    @Test
    void substitutionInAStateFileIsBounded() {
        Variables vars = Variables.commandLine(Map.of("big", "x".repeat(1 << 20)));
        String refs = "{{ big }}".repeat(20);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load(vars, "v.yml", "routes:\n  main:\n    - \"" + refs + "\"\n"));
        assertEquals(List.of("v.yml:3:152: error: variable 'big' makes this file's values expand to more than 16777216 characters\n"
                + "  fix: write long values out instead of repeating variables"), e.diagnostics().stream().map(d -> d.format()).toList());
    }

    @Test
    void anEmptyOrCommentOnlyFileIsRefused() {
        // a truncated file would otherwise delete everything routesync owns on the host
        for (String text : new String[] {"", "# nothing yet\n", "\n\n", "---\n", "~\n"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> StateLoader.load(List.of(new SourceFile("empty.yml", text)), Variables.none(), Ownership.DEFAULT_PROTOCOL_TAG));
            assertEquals(List.of("empty.yml"
                            + ": error: the state file is empty: it would delete every rule, route and table name routesync owns on the host\n"
                            + "  fix: if that is meant, write '{}' (or 'tables: {}') in the file; otherwise check that the file is complete"),
                    e.diagnostics().stream().map(d -> d.format()).toList(), text);
        }
    }

    @Test
    void warnsAboutRulesWithoutPriorityAndInKernelSpots() throws Exception {
        LoadedState loaded = load(Variables.none(), "w.yml", String.join("\n",
                "rules:",
                "  - { from: 192.0.2.10, table: main }",
                "  - { priority: 32766, from: 192.0.2.11, table: main }",
                "  - { priority: 0, from: 192.0.2.12, table: main }",
                ""));
        List<String> text = loaded.warnings().stream().map(Diagnostic::format).toList();
        assertEquals(3, text.size(), text.toString());
        assertTrue(text.get(0).startsWith("w.yml:2:5: warning: this rule has no priority"), text.get(0));
        assertTrue(text.get(1).startsWith("w.yml:3:5: warning: priority 32766 is where the kernel's own 'lookup main' rule sits"), text.get(1));
        assertTrue(text.get(2).startsWith("w.yml:4:5: warning: priority 0 is where the kernel's own 'lookup local' rule sits"), text.get(2));
        assertEquals(3, loaded.state().rules().size());
    }

    @Test
    void warnsAboutAnUplinkGatewayOutsideItsSubnet() throws Exception {
        LoadedState loaded = load(Variables.none(), "u.yml",
                "uplinks:\n  - { dev: eth1, address: 192.168.2.10/24, gateway: 192.168.9.1, table: 102 }\n");
        assertEquals(List.of("u.yml:2:53: warning: gateway 192.168.9.1 is outside the uplink's subnet 192.168.2.0/24;"
                        + " the kernel refuses a gateway it cannot reach directly\n  fix: check the gateway and the address's prefix length"),
                loaded.warnings().stream().map(Diagnostic::format).toList());
    }

    @Test
    void protocolTagIsTheDefaultAndCanBeOverridden() throws Exception {
        DesiredState s = load(Variables.none(), "p.yml", String.join("\n",
                "rules:",
                "  - { priority: 1000, from: 192.0.2.10, table: main, protocol: static }",
                "routes:",
                "  main:",
                "    - { to: 10.99.0.0/16, via: 192.0.2.1, dev: eth1, proto: static }",
                "    - { to: 10.98.0.0/16, via: 192.0.2.1, dev: eth1, proto: routesync }",
                "")).state();
        assertEquals(4, s.rules().get(0).protocol());
        assertEquals(4, s.routes().get(0).protocol());
        assertEquals(TAG, s.routes().get(1).protocol());
    }

    @Test
    void familyKeyMakesAnIpv6RuleWithoutAddresses() throws Exception {
        DesiredState s = load(Variables.none(), "f.yml", String.join("\n",
                "rules:",
                "  - { priority: 100, family: inet6, fwmark: 0x1, table: main }",
                "  - { priority: 100, fwmark: 0x1, table: main }",
                "")).state();
        assertEquals(List.of(Family.INET6, Family.INET), s.rules().stream().map(Rule::family).toList(),
                "the same selectors in two families are two rules, not a conflict");
    }

    @Test
    void probesAreReadInFileOrderWithVariablesAndEachOnce() throws InvalidInputException {
        LoadedState loaded = load(VARS, "a.yml", String.join("\n",
                "tables: { uplink2: 102 }",
                "probes:",
                "  - { ping: \"{{ uplink2_gw }}\", from: \"{{ uplink2_addr }}\" }",
                "  - { tcp: 10.0.0.5, port: 443, timeout: 2 }",
                ""), "b.yml", String.join("\n",
                "probes:",
                "  - { ping: 2001:db8::1, dev: eth1 }",
                "  - { ping: 192.168.2.1, from: 192.168.2.10 }    # the same as a.yml's: once",
                ""));
        assertEquals(List.of(
                new Probe(Probe.Kind.PING, IpAddress.parse("192.168.2.1"), 0, IpAddress.parse("192.168.2.10"), null, Probe.DEFAULT_SECONDS),
                new Probe(Probe.Kind.TCP, IpAddress.parse("10.0.0.5"), 443, null, null, 2),
                new Probe(Probe.Kind.PING, IpAddress.parse("2001:db8::1"), 0, null, ETH1, Probe.DEFAULT_SECONDS)), loaded.probes());
        assertEquals("ping 192.168.2.1 from 192.168.2.10", loaded.probes().get(0).toString());
        assertEquals("tcp 10.0.0.5 port 443", loaded.probes().get(1).toString());
        assertEquals("ping 2001:db8::1 dev eth1", loaded.probes().get(2).toString());
        assertEquals(List.of(), load(VARS, "c.yml", "tables: { uplink2: 102 }\n").probes());
    }

    @Test
    void routeProbesAreFlowsAndCountTowardTheLimit() throws InvalidInputException {
        LoadedState loaded = load(VARS, "a.yml", String.join("\n",
                "tables: { uplink2: 102 }",
                "probes:",
                "  - { tcp: 10.0.0.5, port: 443, from: \"{{ uplink2_addr }}\" }",
                "  - { route: { from: \"{{ uplink2_addr }}\", to: 203.0.113.5, ipproto: tcp, dport: 443 }, via: \"{{ uplink2_gw }}\", table: uplink2 }",
                ""));
        assertEquals("tcp 10.0.0.5 port 443 from 192.168.2.10", loaded.probes().get(0).toString());
        assertEquals(1, loaded.routeProbes().size());
        assertEquals("from 192.168.2.10 to 203.0.113.5 ipproto tcp dport 443", loaded.routeProbes().get(0).flow().toString());
        assertEquals("via 192.168.2.1 table uplink2", loaded.routeProbes().get(0).wanted());
        assertEquals("a.yml:4:5", loaded.routeProbes().get(0).place());

        StringBuilder many = new StringBuilder("probes:\n");
        for (int i = 1; i <= 20; i++) many.append("  - { ping: 10.0.0.").append(i).append(" }\n");
        for (int i = 1; i <= 13; i++) many.append("  - { route: { to: 10.0.1.").append(i).append(" }, type: unicast }\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(Variables.none(), "m.yml", many.toString()));
        assertEquals("m.yml:34:5: error: more than 32 probes for one host", e.diagnostics().get(0).format().lines().findFirst().orElse(""));
    }
}
