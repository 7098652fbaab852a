package io.routesync.formats;

import static io.routesync.formats.ImportRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** import --from netplan: every route and routing-policy key netplan 0.106 has, and what is refused and why. */
class NetplanImportTest {
    private static final String UPLINKS = "/etc/netplan/01-uplinks.yaml";
    private static final String REFUSED = "/etc/netplan/02-refused.yaml";

    @Test
    void everyRouteAndRoutingPolicyKeyBecomesTheIpWordsNetplansNetworkdFileMeans() {
        ImportRun run = ImportRun.of(ImportFormat.NETPLAN, UPLINKS, resource("netplan/01-uplinks.yaml"));
        assertEquals(List.of(
                "rule pref 1000 from 192.168.2.10 lookup rt2  @" + UPLINKS + ":38",
                // type-of-service is decimal in netplan (16 = 0x10), a hex word for iproute2
                "rule pref 1001 to 10.66.0.0/16 tos 0x10 fwmark 0x2 lookup rt2  @" + UPLINKS + ":41",
                "rule -6 pref 1002 from 2001:db8:2::/64 lookup isp  @" + UPLINKS + ":46",
                // in a VRF, rules and routes default to the VRF's table
                "rule pref 1003 from 10.30.0.5 lookup isp  @" + UPLINKS + ":57",
                "route default via 192.168.1.1 dev eth0 table main  @" + UPLINKS + ":8",
                // eth2 is a member of VRF blue: networkd puts its routes in the VRF's table
                "route 10.31.0.0/16 via 10.2.0.1 dev eth2 table isp  @" + UPLINKS + ":12",
                // the device's set-name is the interface; netplan's 'from' is the preferred source
                "route 192.168.2.0/24 dev eth1 table rt2 src 192.168.2.10  @" + UPLINKS + ":20",
                "route default via 192.168.2.1 dev eth1 onlink table rt2 metric 100 mtu 1400 initcwnd 10 initrwnd 20  @" + UPLINKS + ":24",
                "route blackhole 10.66.0.0/16 table main  @" + UPLINKS + ":32",
                "route 2001:db8:5::/48 via 2001:db8:2::1 dev eth1 table isp  @" + UPLINKS + ":34",
                "route 10.30.0.0/16 via 192.168.1.254 dev blue table isp  @" + UPLINKS + ":54"), run.entries(), run::toString);
        assertEquals(List.of(), run.problems());
    }

    @Test
    void whatCannotBeTranslatedIsListedAtItsLineAndColumn() {
        ImportRun run = ImportRun.of(ImportFormat.NETPLAN, REFUSED, resource("netplan/02-refused.yaml"),
                "/etc/netplan/03-broken.yaml", resource("netplan/03-broken.yaml"));
        assertEquals(List.of(), run.entries(), run::toString);
        assertEquals(List.of(
                REFUSED + ":9:11: error: device 'storage' is found by match: without set-name, so the interface its routes use is"
                        + " known only on the host",
                REFUSED + ":14:11: error: 'priorty' is not a netplan routing-policy key (netplan refuses it too)",
                REFUSED + ":15:11: error: a netplan routing-policy entry needs 'table'",
                REFUSED + ":20:18: error: table 'rt9' is not named in the rt_tables files read",
                REFUSED + ":22:17: error: route NAT was removed from the kernel: it refuses nat routes with a gateway or device and"
                        + " keeps only a path-less 'nat PREFIX scope nowhere', which does nothing",
                REFUSED + ":24:11: error: a netplan route needs 'to'",
                REFUSED + ":27:20: error: on-link 'maybe' is not true or false",
                REFUSED + ":28:11: error: a route is a value, not a mapping",
                "/etc/netplan/03-broken.yaml:5:48: error: YAML syntax error: while parsing a flow sequence"), run.problems(), run::toString);
    }

    @Test
    void aMisspeltKeyGetsTheNearestOne() {
        ImportRun run = ImportRun.of(ImportFormat.NETPLAN, "/n.yaml", "network:\n  version: 2\n  ethernets:\n    eth1:\n"
                + "      routing-policy:\n        - {from: 10.0.0.0/8, table: 1, priorty: 5}\n");
        assertEquals("did you mean 'priority'?", run.imported().problems().get(0).fix());
    }

    @Test
    void aFileThatIsNotNetplanSaysSo() {
        ImportRun run = ImportRun.of(ImportFormat.NETPLAN, "/n.yaml", "tables:\n  rt2: 1\n", "/v.yaml", "network:\n  version: 1\n");
        assertEquals(List.of("/n.yaml:1:1: error: not a netplan file: it has no 'network:' mapping",
                "/v.yaml:2:12: error: netplan version 1: netplan reads version 2 only"), run.problems());
    }
}
