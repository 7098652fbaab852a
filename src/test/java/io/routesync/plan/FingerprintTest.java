package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.routesync.model.DesiredState;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the fingerprint covers, and that it stays put unless its definition changes on purpose. */
class FingerprintTest {
    private static Scenario host() {
        return new Scenario().name("uplink2", 102).liveName("uplink2", 102).read(254)
                .converged("1000 from 192.168.2.10 lookup 102", "default table 102 via 192.168.2.1 dev eth1")
                .live("500 fwmark 0x1 lookup 254", "10.0.0.0/8 table 254 via 192.0.2.1 dev eth0");
    }

    private static String fingerprint(Scenario s) {
        return Planner.fingerprint(s.desired(), s.observed(), s.ownership());
    }

    /**
     * Pinned: a saved plan's fingerprint must mean the same thing in the next version. Change this
     * value only when the fingerprint's definition changes on purpose (and old saved plans go stale).
     */
    @Test
    void aKnownStateHasAKnownFingerprint() {
        assertEquals("aa446ecf1bd0004e3de6ad3217dfde663c2360067cc720510b745558dcb7bebc", fingerprint(host()));
    }

    /** Pinned too, for the fields a plain route lacks: a multipath route (weights, onlink) and route metrics. */
    @Test
    void aMultipathRouteWithMetricsHasAKnownFingerprint() {
        Scenario s = host().live("10.1.0.0/16 table 254 proto 245 mtu lock 1400 advmss 1360 nexthop via 192.0.2.1 dev eth0 weight 2"
                + " nexthop via 192.0.2.2 dev eth0 weight 3 onlink");
        assertEquals(List.of(2, 2), s.observed().routes().stream().filter(r -> r.nexthops().size() > 1)
                .flatMap(r -> java.util.stream.Stream.of(r.nexthops().size(), r.metrics().size())).toList(), "the route as meant");
        assertEquals("887f06f66e5aab4f04d9f31f61fcedd0f7f40e81b96f3ef47263da9c6c5a9325", fingerprint(s));
    }

    /** Its route digests summed in two halves (an apply makes them on two threads): the same fingerprint, the second half first too. */
    @Test
    void inHalvesItIsTheSameFingerprint() {
        Scenario s = host();
        Planner.Halves backwards = new Planner.Halves() {
            @Override
            public <T> java.util.List<T> both(java.util.function.Supplier<T> first, java.util.function.Supplier<T> second) {
                T two = second.get();
                return java.util.List.of(first.get(), two);
            }
        };
        assertEquals("aa446ecf1bd0004e3de6ad3217dfde663c2360067cc720510b745558dcb7bebc",
                Planner.fingerprint(s.desired(), s.observed(), s.ownership(), backwards));
        Scenario big = host().live("10.1.0.0/16 table 254 via 192.0.2.1 dev eth0", "10.2.0.0/16 table 254 via 192.0.2.1 dev eth0",
                "10.3.0.0/16 table 254 via 192.0.2.1 dev eth0");
        assertEquals(fingerprint(big), Planner.fingerprint(big.desired(), big.observed(), big.ownership(), backwards));
    }

    /** A plan's fingerprint, computed when first asked for, is the same value, also for a namespace. */
    @Test
    void aPlansDeferredFingerprintIsTheSameValue() throws Exception {
        Scenario s = host();
        assertEquals(fingerprint(s), Planner.plan(s.desired(), s.observed(), s.ownership()).forNetns("blue").fingerprint());
        Scenario drifted = host().live("600 lookup 254 proto 245");
        assertEquals(fingerprint(drifted), Planner.plan(drifted.desired(), drifted.observed(), drifted.ownership()).fingerprint());
    }

    /** The documented definition, computed the slow and obvious way, gives the same value. */
    @Test
    void itIsTheSumOfEntryDigestsUnderOneSha256() throws Exception {
        for (long seed = 1; seed <= 50; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            Ownership own = StateGenerator.ownership();
            Set<Rule> desired = new java.util.HashSet<>();
            Set<Rule> anyPriority = new java.util.HashSet<>();
            for (Rule d : g.desired.rules()) (d.priority() == null ? anyPriority : desired).add(d.identity());
            List<io.routesync.model.Entry> entries = new ArrayList<>();
            for (Rule r : g.observed.rules()) {
                if (own.owns(r) || desired.contains(r.identity()) || anyPriority.contains(r.identity().withPriority(null))) entries.add(r);
            }
            entries.addAll(g.observed.routes());
            entries.addAll(g.observed.managedTableNames());
            java.math.BigInteger sum = java.math.BigInteger.ZERO;
            for (io.routesync.model.Entry e : entries) sum = sum.add(new java.math.BigInteger(1, sha256(EntryEncoding.of(e))));
            byte[] sumBytes = new byte[32];
            byte[] raw = sum.mod(java.math.BigInteger.ONE.shiftLeft(256)).toByteArray();
            int n = Math.min(raw.length, 32);
            System.arraycopy(raw, raw.length - n, sumBytes, 32 - n, n);
            StringBuilder scope = new StringBuilder("routesync observed state v1\ntag 245\nowned");
            for (TableId t : new java.util.TreeSet<>(own.ownedTables())) scope.append(' ').append(t);
            scope.append("\nread");
            for (TableId t : new java.util.TreeSet<>(g.observed.tablesRead())) scope.append(' ').append(t);
            scope.append("\nentries ").append(entries.size()).append('\n');
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(scope.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update(sumBytes);
            assertEquals(java.util.HexFormat.of().formatHex(sha.digest()), Planner.fingerprint(g.desired, g.observed, own), "seed " + seed);
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void everythingThePlanCouldTouchCounts() {
        String base = fingerprint(host());
        assertNotEquals(base, fingerprint(host().live("10.9.0.0/16 table 254 dev eth0")), "a route of a table that was read");
        assertNotEquals(base, fingerprint(host().live("600 lookup 102")), "a rule looking up an owned table");
        assertNotEquals(base, fingerprint(host().live("600 lookup 254 proto 245")), "a tagged rule");
        assertNotEquals(base, fingerprint(host().liveName("old", 103)), "routesync's own table names");
        assertNotEquals(base, fingerprint(host().live("1000 from 192.168.2.10 lookup 102")), "a second copy of a desired rule");
        assertNotEquals(base, fingerprint(host().tag(246)), "the scope itself");
    }

    @Test
    void whatThePlanCannotTouchDoesNotCount() {
        String base = fingerprint(host());
        assertEquals(base, fingerprint(host().live("600 lookup 254")), "a foreign rule");
        Scenario s = host();
        Observed o = s.observed();
        List<io.routesync.model.Route> routes = new ArrayList<>(o.routes());
        routes.add(Scenario.liveRoute("10.0.0.0/8 table 300 dev eth0"));
        Observed unread = PlannerPropertiesTest.with(o, o.rules(), routes);
        assertEquals(base, Planner.fingerprint(s.desired(), unread, s.ownership()), "a route of a table that was not read");
    }

    @Test
    void aRuleWithoutPriorityBringsItsMatchesAtAnyPriorityIntoScope() {
        DesiredState want = new DesiredState(List.of(), Set.of(), List.of(Scenario.desiredRule("auto fwmark 0x2 lookup 254")), List.of());
        Ownership own = new Ownership(Set.of(), Scenario.TAG);
        Observed without = new Observed(Scenario.defaultRules(), List.of(), Set.of(TableId.MAIN), List.of(), List.of(), java.util.Map.of());
        List<Rule> rules = new ArrayList<>(Scenario.defaultRules());
        rules.add(Scenario.liveRule("31000 fwmark 0x2 lookup 254"));
        Observed with = PlannerPropertiesTest.with(without, rules, List.of());
        assertNotEquals(Planner.fingerprint(want, without, own), Planner.fingerprint(want, with, own));
        assertEquals(Planner.fingerprint(DesiredState.empty(), without, own), Planner.fingerprint(DesiredState.empty(), with, own));
    }
}
