package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.model.Interface;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which interface an entry goes with when it names none (Anchors), and what happens when none fits. */
class AnchorsTest {
    private static ExportInput input(String yaml, String fallback) throws Exception {
        LoadedState s = StateLoader.load(List.of(new SourceFile("t.yml", yaml)), Variables.commandLine(Map.of()), 245);
        return new ExportInput(s.state(), 245, s.names(), fallback == null ? null : Interface.of(fallback));
    }

    private static final String STATE = String.join("\n",
            "tables: { one: 100, two: 200, none: 300 }",
            "rules:",
            "  - \"pref 10 from 10.0.0.0/8 lookup one\"",
            "  - \"pref 11 from 10.1.0.0/16 lookup two\"",
            "  - \"pref 12 iif eth5 lookup two\"",
            "  - \"pref 13 from 10.2.0.0/16 lookup none\"",
            "routes:",
            "  one:",
            "    - \"default via 192.0.2.1 dev eth1\"",
            "    - \"10.9.0.0/16 via 192.0.2.2\"",
            "    - \"blackhole 10.8.0.0/16\"",
            "  two:",
            "    - \"default via 192.0.2.1 dev eth1\"",
            "    - \"default via 198.51.100.1 dev eth2 metric 10\"",
            "  none:",
            "    - \"unreachable default\"",
            "");

    @Test
    void entriesWithoutADeviceGoWithTheirTablesOnlyDevice() throws Exception {
        InterfaceGroups g = InterfaceGroups.of(input(STATE, null), "netplan", InterfacesWriter.NONE);
        Interface eth1 = Interface.of("eth1");
        // the via-only and the blackhole route of table one, and the rule that looks it up, go with eth1
        assertEquals(3, g.routes(eth1).stream().filter(r -> r.table().id() == 100).count());
        assertEquals(List.of(10L), g.rules(eth1).stream().map(r -> r.priority().value()).toList());
        // iif names the interface, whatever the table's devices
        assertEquals(List.of(12L), g.rules(Interface.of("eth5")).stream().map(r -> r.priority().value()).toList());
    }

    @Test
    void withoutOneDeviceAnEntryIsRefusedSayingWhy() throws Exception {
        InterfaceGroups g = InterfaceGroups.of(input(STATE, null), "netplan", InterfacesWriter.NONE);
        List<String> refused = g.refused.stream().map(Refusal::format).toList();
        assertEquals(3, refused.size(), refused.toString());
        assertEquals("ip rule add pref 11 from 10.1.0.0/16 lookup two protocol routesync: it names no iif or oif and the state's"
                + " routes in table two use several devices (eth1, eth2); netplan attaches every rule to an interface: give it an"
                + " iif or oif, or name one with --interface", refused.get(0));
        assertTrue(refused.get(1).contains("table none name no device"), refused.get(1));
        assertTrue(refused.get(2).startsWith("ip route add unreachable default table none"), refused.get(2));
    }

    @Test
    void theFallbackTakesWhatHasNoOtherInterface() throws Exception {
        InterfaceGroups g = InterfaceGroups.of(input(STATE, "eth9"), "netplan", InterfacesWriter.NONE);
        assertEquals(List.of(), g.refused);
        Interface eth9 = Interface.of("eth9");
        assertEquals(List.of(11L, 13L), g.rules(eth9).stream().map(r -> r.priority().value()).toList());
        assertEquals(1, g.routes(eth9).size());
        // the fallback does not override an interface the rule gives
        assertEquals(1, g.rules(Interface.of("eth1")).size());
    }

    @Test
    void netplanRefusesSuppressPrefixlengthNamingItsVersionAndNetworkdTakesIt() throws Exception {
        ExportInput in = input("tables: { vpn: 200 }\nrules:\n  - \"pref 900 fwmark 0x1 lookup vpn suppress_prefixlength 0\"\n"
                + "routes:\n  vpn:\n    - \"default dev wg0\"\n", null);
        Exported netplan = NetplanWriter.write(in);
        assertEquals(List.of("ip rule add pref 900 fwmark 0x1 lookup vpn suppress_prefixlength 0 protocol routesync:"
                + " netplan 0.106 has no suppress_prefixlength"), netplan.refused().stream().map(Refusal::format).toList());
        assertTrue(netplan.files().get(0).text().contains("\"wg0\":\n      routes:\n        - to: \"0.0.0.0/0\"\n"),
                netplan.files().get(0).text());
        Exported networkd = NetworkdWriter.write(in);
        assertEquals(List.of(), networkd.refused());
        assertTrue(networkd.files().get(0).text().contains("FirewallMark=1\nTable=200\nSuppressPrefixLength=0\n"),
                networkd.files().get(0).text());
    }
}
