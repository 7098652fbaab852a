package io.routesync.formats;

import static io.routesync.formats.ImportRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** import --from interfaces on realistic ifupdown and ifupdown2 files: what it reads, and what it lists and why. */
class InterfacesImportTest {
    private static final String MAIN = "/etc/network/interfaces";
    private static final String ETH1 = "/etc/network/interfaces.d/eth1";

    @Test
    void theSeedArticlesFileGivesTheGatewayTheRt2RoutesAndTheTwoRules() {
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES, MAIN, resource("seed/interfaces"));
        assertEquals(List.of(
                "rule from 192.168.2.10 lookup rt2  @" + MAIN + ":22",
                "rule to 192.168.2.10 lookup rt2  @" + MAIN + ":23",
                "route default via 192.168.1.1 dev eth0 onlink table main  @" + MAIN + ":13",
                "route 192.168.2.0/24 dev eth1 table rt2 src 192.168.2.10  @" + MAIN + ":20",
                "route default via 192.168.2.1 dev eth1 table rt2  @" + MAIN + ":21"), run.entries(), run::toString);
        assertEquals(List.of(), run.problems());
    }

    @Test
    void stanzaVariablesIncludesAndEverythingNotTranslatedWithItsReason() {
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES, MAIN, resource("interfaces/main"), ETH1, resource("interfaces/eth1"),
                "/etc/network/interfaces.d/loop", resource("interfaces/loop"));
        assertEquals(List.of(
                // $IF_ADDRESS, $IF_GATEWAY, $IFACE from the stanza; pre-down deletes of these are their teardown
                "rule pref 1000 from 192.168.2.10 lookup rt2  @" + ETH1 + ":9",
                "route default via 192.168.2.1 dev eth1 onlink table main metric 100  @" + ETH1 + ":5",
                "route default via 192.168.2.1 dev eth1 table rt2  @" + ETH1 + ":7",
                "route 192.168.2.0/24 dev eth1 table rt2 src 192.168.2.10  @" + ETH1 + ":8",
                "route 2001:db8:2::/64 dev eth1 table rt2  @" + ETH1 + ":10",
                "route 10.0.0.0/8 via 192.168.2.254 table isp  @" + ETH1 + ":11",
                "route 172.16.0.0/12 via 192.168.2.253 table main metric 50  @" + ETH1 + ":12",
                "route default via 192.168.1.1 dev eth0 onlink table main  @" + MAIN + ":15",
                "route default via 2001:db8:1::1 dev eth0 onlink table main  @" + MAIN + ":19"), run.entries(), run::toString);
        assertEquals(List.of(
                MAIN + ":3:1: error: source-directory /etc/network/interfaces.dir matches none of the files given: routesync reads"
                        + " only the files named on the command line, never others on disk",
                MAIN + ":4:1: error: source missing.cfg matches none of the files given: routesync reads only the files named on the"
                        + " command line, never others on disk",
                MAIN + ":9:1: error: a mapping stanza runs a script to choose the interface's configuration; routesync runs nothing it"
                        + " reads, so what it selects is not read",
                ETH1 + ":14:13: warning: '/usr/local/sbin/firewall-up' is not an ip command: left to ifupdown (if it changes rules or"
                        + " routes, routesync cannot see what)",
                ETH1 + ":15:16: warning: 'ip link' is not about rules or routes: routesync manages policy rules and routes only",
                ETH1 + ":16:42: error: $GW is not set earlier in this file, so its value is only known where the line runs",
                ETH1 + ":17:42: error: $(...) runs a command; routesync does not run anything it reads",
                ETH1 + ":18:53: error: table 'rt3' is not named in the rt_tables files read",
                ETH1 + ":19:47: error: '&&' is shell syntax routesync does not follow: it reads one simple command per line (a pipe,"
                        + " a list or a redirection would need running the line)",
                ETH1 + ":20:13: error: net-tools' route command is not read; routesync reads iproute2's ip route and ip rule",
                ETH1 + ":21:19: error: this runs when the interface goes down, so what it makes is not there while the interface is"
                        + " up: not part of the state",
                ETH1 + ":24:23: error: this deletes a route that nothing read here adds; a desired state lists what must exist and"
                        + " cannot say that something must be absent (outside the tables it owns)",
                "/etc/network/interfaces.d/loop:2:1: error: /etc/network/interfaces includes itself through this line; not read again"),
                run.problems(), run::toString);
    }

    @Test
    void ifupdown2StanzasWithoutFamilyTakeTheGatewaysFamilyFromItsAddress() {
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES, MAIN, resource("interfaces/ifupdown2"));
        assertEquals(List.of(
                "rule pref 500 iif swp1 lookup isp  @" + MAIN + ":6",
                "route default via 10.20.0.1 dev swp1 onlink table main  @" + MAIN + ":5",
                "route default via 10.20.0.254 dev swp1 table isp  @" + MAIN + ":7"), run.entries(), run::toString);
        assertEquals(List.of(), run.problems());
    }

    @Test
    void sourceDirectoryTakesOnlyNamesInterfacesAllowsAndRelativePathsAreFromTheSourcingFile() {
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES,
                MAIN, "source-directory interfaces.d\n",
                "/etc/network/interfaces.d/eth2", "iface eth2 inet manual\n  up ip route add 10.2.0.0/16 dev eth2 table rt2\n",
                "/etc/network/interfaces.d/eth3.cfg", "iface eth3 inet manual\n  up ip route add 10.3.0.0/16 dev eth3 table rt2\n");
        assertEquals(List.of("route 10.2.0.0/16 dev eth2 table rt2  @/etc/network/interfaces.d/eth2:2",
                // not sourced by source-directory (a '.' in its name), but given: read on its own
                "route 10.3.0.0/16 dev eth3 table rt2  @/etc/network/interfaces.d/eth3.cfg:2"), run.entries(), run::toString);
    }

    @Test
    void everyWordOfASourceLineIsAPattern() {
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES, MAIN, "source eth2.cfg eth3.cfg none.cfg\n",
                "/etc/network/eth2.cfg", "iface eth2 inet manual\n  up ip route add 10.2.0.0/16 dev eth2 table rt2\n",
                "/etc/network/eth3.cfg", "iface eth3 inet manual\n  up ip route add 10.3.0.0/16 dev eth3 table rt2\n");
        assertEquals(List.of("route 10.2.0.0/16 dev eth2 table rt2  @/etc/network/eth2.cfg:2",
                "route 10.3.0.0/16 dev eth3 table rt2  @/etc/network/eth3.cfg:2"), run.entries(), run::toString);
        assertEquals(List.of(MAIN + ":1:1: error: source none.cfg matches none of the files given: routesync reads only the files"
                + " named on the command line, never others on disk"), run.problems());
    }

    @Test
    void sourceChainsStopAtTheirDepthBound() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i <= InterfacesReader.MAX_DEPTH + 1; i++) {
            files.add("/etc/network/f" + i);
            files.add("source f" + (i + 1) + "\niface e" + i + " inet manual\n  up ip route add 10." + i + ".0.0/16 dev e" + i + " table rt2\n");
        }
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES, files.toArray(new String[0]));
        assertEquals(InterfacesReader.MAX_DEPTH + 1, run.entries().size(), run::toString);
        assertEquals(List.of("/etc/network/f" + InterfacesReader.MAX_DEPTH + ":1:1: error: source lines nest deeper than "
                + InterfacesReader.MAX_DEPTH + " files; /etc/network/f" + (InterfacesReader.MAX_DEPTH + 1) + " is not read"),
                run.problems(), run::toString);
    }

    @Test
    void upLinesSeeTheOptionsAsIfupdownCompletesThem() {
        ImportRun run = ImportRun.of(ImportFormat.INTERFACES, MAIN, "iface eth1 inet static\n  address 192.168.2.10/24\n"
                + "  post-up ip rule add from $IF_ADDRESS table rt2\n  post-up ip rule add to $IF_BROADCAST table rt2\n"
                + "iface swp1\n  address 10.20.0.2/24\n  post-up ip rule add from $IF_ADDRESS table isp\n");
        assertEquals(List.of("rule from 192.168.2.10 lookup rt2  @" + MAIN + ":3", "rule to 192.168.2.255 lookup rt2  @" + MAIN + ":4",
                // ifupdown2 (no method) passes the option as written
                "rule from 10.20.0.2/24 lookup isp  @" + MAIN + ":7"), run.entries(), run::toString);
    }
}
