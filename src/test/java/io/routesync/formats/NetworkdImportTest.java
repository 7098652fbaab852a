package io.routesync.formats;

import static io.routesync.formats.ImportRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** import --from networkd: [Route], [RoutingPolicyRule] and [Network] Gateway= of .network files (systemd 252 keys). */
class NetworkdImportTest {
    private static final String ETH1 = "/etc/systemd/network/10-eth1.network";
    private static final String REFUSED = "/etc/systemd/network/20-refused.network";

    @Test
    void routeAndRuleKeysBecomeTheIpWordsTheyMean() {
        ImportRun run = ImportRun.of(ImportFormat.NETWORKD, ETH1, resource("networkd/10-eth1.network"));
        assertEquals(List.of(
                "rule pref 1000 from 192.168.2.10 lookup rt2  @" + ETH1 + ":42",
                "rule pref 1001 tos 0x10 fwmark 0x2/0xff iif eth1 uidrange 1000-1999 ipproto tcp dport 443 lookup rt2  @" + ETH1 + ":47",
                // Family=both: one rule per family
                "rule pref 1002 prohibit  @" + ETH1 + ":57",
                "rule -6 pref 1002 prohibit  @" + ETH1 + ":57",
                "rule pref 1003 not to 10.0.0.0/8 goto 1010  @" + ETH1 + ":62",
                "rule pref 1004 lookup main suppress_prefixlength 0  @" + ETH1 + ":68",
                "route default via 192.168.2.254 dev eth1 table main  @" + ETH1 + ":7",
                "route 192.168.2.0/24 dev eth1 table rt2 src 192.168.2.10  @" + ETH1 + ":9",
                // no Destination=: the default route; MTUBytes=1.5K is 1536; an explicit Protocol= is kept
                "route default via 192.168.2.1 dev eth1 onlink table rt2 proto static metric 100 mtu 1536 initcwnd 10 initrwnd 20"
                        + " quickack 1  @" + ETH1 + ":15",
                "route 10.50.0.0/16 table isp nexthop via 192.168.2.1 dev eth1 weight 10 nexthop via 192.168.2.2 dev eth1 weight 20  @"
                        + ETH1 + ":26",
                "route unreachable 10.66.0.0/16 table main  @" + ETH1 + ":32",
                "route 2001:db8:9::/48 from 2001:db8:2::/64 via 2001:db8:2::1 dev eth1 table main pref high  @" + ETH1 + ":36"),
                run.entries(), run::toString);
        assertEquals(List.of(), run.problems());
    }

    @Test
    void whatCannotBeTranslatedIsListedWithWhy() {
        ImportRun run = ImportRun.of(ImportFormat.NETWORKD, REFUSED, resource("networkd/20-refused.network"));
        assertEquals(List.of(), run.entries(), run::toString);
        assertEquals(List.of(
                REFUSED + ":6:9: error: Gateway=_dhcp4 is learnt from DHCP/RA while the link is up: not a route a state can hold",
                REFUSED + ":8:1: error: " + REFUSED + " has no [Match] Name= with one plain interface name, so the interface of this"
                        + " route is known only on the host",
                REFUSED + ":15:1: error: [Route] TTLPropagate= is not read by routesync (not a routing key it can keep in a state:"
                        + " see docs/import-formats.md)",
                REFUSED + ":20:1: error: [Route] Tabel= is not read by routesync (not a routing key it can keep in a state: did you"
                        + " mean Table?)",
                REFUSED + ":24:7: error: table 'rt9' is not named in the rt_tables files read",
                REFUSED + ":27:8: error: Family=ipx is not ipv4, ipv6 or both",
                REFUSED + ":29:1: error: not a Key=Value line or a [Section]"), run.problems(), run::toString);
    }

    @Test
    void aVrfMembersRoutesGoToTheTableOfTheVrfsNetdevFileWhenItIsGiven() {
        String member = "[Match]\nName=eth2\n\n[Network]\nVRF=blue\nGateway=10.2.0.1\n\n[Route]\nDestination=10.31.0.0/16\nGateway=10.2.0.1\n";
        ImportRun without = ImportRun.of(ImportFormat.NETWORKD, "/n/eth2.network", member);
        assertEquals(List.of(), without.entries());
        assertEquals(List.of("/n/eth2.network:6:1: error: this link is in VRF blue (line 5), so networkd puts this route in the"
                + " VRF's table, which the VRF's .netdev file sets", "/n/eth2.network:8:1: error: this link is in VRF blue (line 5),"
                + " so networkd puts this route in the VRF's table, which the VRF's .netdev file sets"), without.problems());
        ImportRun with = ImportRun.of(ImportFormat.NETWORKD, "/n/eth2.network", member,
                "/n/blue.netdev", "[NetDev]\nName=blue\nKind=vrf\n\n[VRF]\nTable=100\n");
        assertEquals(List.of("route default via 10.2.0.1 dev eth2 table isp  @/n/eth2.network:6",
                "route 10.31.0.0/16 via 10.2.0.1 dev eth2 table isp  @/n/eth2.network:8"), with.entries(), with::toString);
    }
}
