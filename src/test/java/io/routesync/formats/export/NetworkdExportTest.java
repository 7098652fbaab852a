package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Interface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every fixture's networkd export, read back as networkd 252 would install it (keys checked against
 * systemd.network(5) of that version, values through routesync's own ip grammars): one file per
 * interface, named after it, matching it, installing exactly the exported entries with their protocol,
 * and every other entry refused. The same reader reads what netplan generates (NetplanOracleTest),
 * so both speak the dialect netplan's own generator writes.
 */
class NetworkdExportTest {
    @Test
    void everyFixtureReadsBackAsTheEntriesItExports() throws Exception {
        int entries = 0;
        for (Map.Entry<String, ExportInput> f : ExportFixtures.all().entrySet()) {
            ExportInput in = f.getValue();
            Exported exported = NetworkdWriter.write(in);
            InterfaceGroups groups = InterfaceGroups.of(in, "networkd", new NetworkdLimits(in.protocolTag()));
            List<String> read = new ArrayList<>();
            List<Interface> links = List.copyOf(groups.interfaces());
            assertEquals(links.size(), exported.files().size(), f.getKey());
            for (int i = 0; i < links.size(); i++) {
                ExportFile file = exported.files().get(i);
                assertEquals(NetworkdWriter.fileName(links.get(i)), file.name(), f.getKey());
                NetworkdReadBack.Read back = NetworkdReadBack.read(file.text());
                assertEquals(links.get(i).name(), back.link(), file.name());
                read.addAll(Installed.of(back));
            }
            assertEquals(Installed.expected(groups, -1), read, f.getKey());
            Installed.assertNoneLost(f.getKey(), in, exported, read.size());
            entries += read.size();
        }
        assertTrue(entries > 60, "read back only " + entries + " entries over all fixtures");
    }

    @Test
    void theEverythingFixtureRefusesWhatNetworkdLacksAndNothingElse() {
        ExportInput in = ExportFixtures.all().get("src/test/resources/export/everything.yml+fallback");
        List<String> refused = NetworkdWriter.write(in).refused().stream().map(Refusal::format).toList();
        assertEquals(List.of(
                "ip rule add pref 910 from 10.4.0.0/16 goto 920 protocol routesync: systemd-networkd 252 has no rule action goto",
                "ip rule add pref 916 from 10.9.0.0/16 lookup wan2 realms 1/2 protocol routesync: systemd-networkd 252 has no realms",
                "ip rule add pref 921 from 10.11.0.0/16 lookup wan2 protocol babel: systemd-networkd 252 has no protocol for a rule"
                        + " (it installs rules with protocol static)",
                "ip route add 10.33.0.0/16 via 198.51.100.5 dev eth1 table wan2 proto routesync rtt 100ms: systemd-networkd 252 has"
                        + " no route metric rtt",
                "ip route add 10.34.0.0/16 via 198.51.100.6 dev eth1 table wan2 proto routesync mtu lock 1300: systemd-networkd 252"
                        + " has no locked route metrics (lock mtu)",
                "ip route add 10.35.0.0/16 tos 0x10 via 198.51.100.7 dev eth1 table wan2 proto routesync: systemd-networkd 252 has"
                        + " no tos for a route",
                "ip route add 10.36.0.0/16 via 198.51.100.8 dev eth1 table wan2 proto routesync realms 3: systemd-networkd 252 has no"
                        + " realms",
                "ip route add 10.41.0.0/16 table mp proto routesync nexthop via 192.0.2.1 weight 1 nexthop dev eth1 weight 1:"
                        + " systemd-networkd 252 has no multipath path without a gateway (MultiPathRoute= takes one)"), refused);
    }
}
