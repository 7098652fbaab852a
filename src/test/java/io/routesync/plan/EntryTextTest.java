package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.model.Route;
import io.routesync.model.Rule;
import org.junit.jupiter.api.Test;

/** The one-line form the golden cases are written in reads back to the same entry, so no two entries print alike. */
class EntryTextTest {
    @Test
    void everyGeneratedEntryReadsBackAsItself() {
        for (long seed = 1; seed <= 200; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            for (Route r : g.observed.routes()) assertEquals(r, EntrySpec.route(EntryText.of(r), -99), EntryText.of(r));
            for (Rule r : g.observed.rules()) assertEquals(r, EntrySpec.rule(EntryText.of(r)), EntryText.of(r));
            for (Rule r : g.desired.rules()) assertEquals(r, EntrySpec.rule(EntryText.of(r)), EntryText.of(r));
        }
    }

    @Test
    void attributesBeyondTheGeneratorAlsoReadBack() {
        for (String text : new String[] {
            "unreachable 10.13.0.0/16 table 100 proto 4 scope 0 metric 0",
            "10.19.0.0/16 via 192.0.2.254 dev d0 table 100 proto 3 scope 0 metric 0 mtu lock 1400 advmss 1360 initcwnd 10",
            "10.28.0.0/16 via inet6 fe80::1 dev d0 table 100 proto 3 scope 0 metric 0",
            "10.21.0.0/16 via 203.0.113.1 dev d0 onlink table 100 proto 3 scope 0 metric 0",
            "local 10.22.0.1 dev d0 table 255 proto 2 scope 254 src 10.22.0.1 metric 0",
            "10.12.0.0/16 via 192.0.2.254 dev d0 table 100 proto 4 scope 253 src 192.0.2.1 metric 50 realms 1/2",
            "-6 2001:db8:12::/48 via 2001:db8::fe dev d0 table 100 proto 4 metric 10 pref high"}) {
            assertEquals(text, EntryText.of(EntrySpec.route(text, -99)));
        }
        for (String text : new String[] {
            "pref 1007 ipproto 6 sport 1000-2000 dport 443 lookup 106 protocol 0",
            "pref 1013 lookup 254 suppress_prefixlength 0 protocol 245",
            "pref 1004 iif nonexist oif eth1 uidrange 1000-1999 tun_id 42 lookup 103 protocol 0",
            "pref 1015 fwmark 0x10/0xff lookup 108 realms 1/2 protocol 4",
            "pref 1011 goto 1050 protocol 0",
            "pref 1018 l3mdev protocol 0",
            "-6 pref 100 not from 2001:db8:100::/48 tos 0x10 prohibit protocol 245"}) {
            assertEquals(text, EntryText.of(EntrySpec.rule(text)));
        }
    }
}
