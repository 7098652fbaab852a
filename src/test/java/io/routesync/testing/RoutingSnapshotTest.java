package io.routesync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the namespace tests compare does not see the IPv6 routes the kernel adds to a new link
 * a moment after it comes up (what made whole-table comparisons flaky), and still sees every other
 * change of rules and routes.
 */
class RoutingSnapshotTest {
    private Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("snap");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    @Test
    void theKernelsOwnIpv6RoutesOnANewLinkAreNotAChange() throws Exception {
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        String before = RoutingSnapshot.of(ns);
        // the address route of each end's link-local address comes once its DAD is over
        for (int i = 0; i < 100 && ns.ip("-6", "route", "show", "table", "local").split("local fe80::", -1).length < 3; i++) {
            Thread.sleep(100);
        }
        String local = ns.ip("-6", "route", "show", "table", "local");
        assertEquals(3, local.split("local fe80::", -1).length, "both link-local routes are there now: " + local);
        assertEquals(before, RoutingSnapshot.of(ns));

        ns.ip("-6", "route", "add", "2001:db8::/64", "dev", "d0", "table", "100");
        String withRoute = RoutingSnapshot.of(ns);
        assertNotEquals(before, withRoute, "an IPv6 route anyone else adds is a change");
        assertTrue(withRoute.contains("2001:db8::/64 dev d0 table 100"), withRoute);
        ns.ip("-6", "rule", "add", "pref", "500", "lookup", "100");
        assertNotEquals(withRoute, RoutingSnapshot.of(ns), "so is an IPv6 rule");
        ns.ip("route", "add", "10.1.0.0/16", "via", "192.0.2.2", "table", "100");
        assertTrue(RoutingSnapshot.of(ns).contains("10.1.0.0/16 via 192.0.2.2 dev d0 table 100"));
    }
}
