package io.routesync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.transport.TargetPaths;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (a record's own are linked through method
 * handles at first use, which a short run pays for in start-up: docs/speed.md) behave exactly as the
 * record's own would: hashCode is 31 * h + each component's hash, in component order, from 0; equals
 * compares every component. Both are computed here from the record's components by reflection, so a
 * component added later and left out of the written-out methods fails this test.
 */
class RecordMethodsTest {
    private static List<Object> samples() throws Exception {
        Names names = Names.builtin();
        List<Object> out = new ArrayList<>();
        for (String r : List.of("from 10.0.0.0/8 lookup 100 proto 245", "from 10.0.0.0/8 to 192.0.2.0/24 iif eth0 oif eth1 fwmark 0x10/0xff"
                + " ipproto tcp sport 1000-2000 dport 443 uidrange 1000-2000 tos 0x10 lookup 101 suppress_prefixlength 0",
                "not from 10.0.0.1 goto 1000", "from all lookup 102 suppress_ifgroup 3 realms 2", "from all l3mdev")) {
            out.add(RuleGrammar.parseAdd(Arrays.asList(r.split(" ")), Family.INET, names, 245));
        }
        out.add(RuleGrammar.parseShow("1000:\tfrom 192.168.2.10 lookup 102 proto 245", Family.INET, names));
        for (String r : List.of("10.1.0.0/16 via 192.0.2.1 dev eth0 metric 10", "default via 192.0.2.254 dev eth0 onlink",
                "10.2.0.0/16 nexthop via 192.0.2.1 dev eth0 weight 2 nexthop via 192.0.2.2 dev eth1", "blackhole 10.3.0.0/16",
                "10.4.0.0/16 dev eth0 src 192.0.2.9 scope link mtu 1400 realms 3")) {
            out.add(RouteGrammar.parseAdd(Arrays.asList(r.split(" ")), Family.INET, TableId.of(100), names, 245));
        }
        out.add(RouteGrammar.parseAdd(Arrays.asList("2001:db8::/64 via fe80::1 dev eth0 pref high".split(" ")), Family.INET6,
                TableId.of(100), names, 245));
        List<Object> more = new ArrayList<>();
        for (Object o : out) {
            if (o instanceof Route r) {
                more.add(r.key());
                more.add(r.dst());
                more.add(r.dst().address());
                more.addAll(r.nexthops());
                r.nexthops().forEach(n -> { if (n.dev() != null) more.add(n.dev()); });
                more.add(r.table());
            }
            if (o instanceof Rule r && r.priority() != null) more.add(r.priority());
        }
        out.addAll(more);
        // not a model record, written out the same way (EarlyRead compares a read's paths)
        out.add(TargetPaths.of("ns1", null, null, null));
        out.add(TargetPaths.of("ns2", null, null, null));
        out.add(TargetPaths.of("ns1", "/etc/x", null, null));
        out.add(TargetPaths.of("ns1", null, "/var/x", null));
        // the name files of a reading (the verify after a batch compares them with the reading's)
        out.add(new Reading.FileSection("/etc/iproute2/rt_tables", "100 bench\n"));
        out.add(new Reading.FileSection("/etc/iproute2/rt_tables", "101 bench\n"));
        out.add(new Reading.FileSection("/etc/iproute2/rt_protos", "100 bench\n"));
        return out;
    }

    /** The record's own hashCode: ObjectMethods folds 31 * h + hash(component) from 0. */
    private static int recordHash(Object o) throws Exception {
        int h = 0;
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            c.getAccessor().setAccessible(true);
            h = 31 * h + Objects.hashCode(c.getAccessor().invoke(o));
        }
        return h;
    }

    private static boolean recordEquals(Object a, Object b) throws Exception {
        if (a.getClass() != b.getClass()) return false;
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            c.getAccessor().setAccessible(true);
            if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) return false;
        }
        return true;
    }

    @Test
    void writtenOutMethodsAreTheRecordsOwn() throws Exception {
        List<Object> samples = samples();
        List<Class<?>> seen = new ArrayList<>();
        for (Object a : samples) {
            seen.add(a.getClass());
            // IpAddress keeps its own mixing hashCode (see there); its equals is the record's
            if (!(a instanceof IpAddress)) assertEquals(recordHash(a), a.hashCode(), a.getClass().getSimpleName() + " " + a);
            for (Object b : samples) assertEquals(recordEquals(a, b), a.equals(b), a + " vs " + b);
            assertNotEquals(a, null);
        }
        for (Class<?> c : List.of(Rule.class, Route.class, Route.Key.class, Prefix.class, IpAddress.class, NextHop.class, Interface.class,
                TableId.class, Priority.class, TargetPaths.class)) {
            assertEquals(true, seen.contains(c), c + " has samples");
        }
    }

    @Test
    void equalCopiesAreEqualWithEqualHashes() throws Exception {
        List<Object> a = samples();
        List<Object> b = samples();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i));
            assertEquals(a.get(i).hashCode(), b.get(i).hashCode());
        }
    }
}
