package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.lookup.TestState;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.transport.SshPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The management-path check on constructed states: the host 192.0.2.1 is managed from 10.77.0.1,
 * whose replies leave by table 100 (rule 1000), falling back to main's default route.
 */
class ManagementPathCheckTest {
    private static final SshPeer PEER = SshPeer.parse("10.77.0.1 51234 192.0.2.1 22");

    private static TestState host() {
        return TestState.host().add("rule 4 pref 1000 to 10.77.0.0/24 lookup 100",
                "route 100 10.77.0.0/24 via 192.0.2.77 dev d0",
                "route 100 10.99.0.0/16 via 192.0.2.99 dev d0",
                "route 254 0.0.0.0/0 via 192.0.2.254 dev d0");
    }

    private static Rule rule(Observed o, long priority) {
        return o.rules().stream().filter(r -> r.priority().value() == priority).findFirst().orElseThrow();
    }

    private static Route route(Observed o, String dst) {
        return o.routes().stream().filter(r -> r.dst().toString().equals(dst)).findFirst().orElseThrow();
    }

    private static ManagementPathCheck.Assessment assess(Observed now, Change... changes) {
        return ManagementPathCheck.assess(PEER, now, new HostPlan(List.of(changes), "fp"));
    }

    @Test
    void aPlanThatLeavesThePathAloneIsAccepted() {
        Observed now = host().observed();
        Observed extra = TestState.bare().add("rule 4 pref 2000 from 198.51.100.0/24 lookup 101",
                "route 100 10.98.0.0/16 via 192.0.2.98 dev d0").observed();
        ManagementPathCheck.Assessment a = assess(now, Change.add(extra.rules().get(0)), Change.add(extra.routes().get(0)),
                Change.delete(route(now, "10.99.0.0/16")));
        assertFalse(a.refuses(), a::refusal);
        assertTrue(a.before().sameWay(a.after()));
    }

    /** Issue 16 item 1: the kernel picks the device of a gateway without dev; the same gateway keeps the path. */
    @Test
    void aGatewayWithoutDevIsTheSameNeighbourAsTheSameGatewayWithOne() {
        Observed now = host().observed();
        Route current = route(now, "10.77.0.0/24");
        Route sameGateway = current.toBuilder().nexthop(io.routesync.model.NextHop.of(current.via(), null)).protocol(245).build();
        ManagementPathCheck.Assessment a = assess(now, Change.replace(current, sameGateway));
        assertFalse(a.refuses(), a::refusal);
        Route otherGateway = current.toBuilder()
                .nexthop(io.routesync.model.NextHop.of(io.routesync.model.IpAddress.parse("192.0.2.78"), null)).build();
        assertTrue(assess(now, Change.replace(current, otherGateway)).refuses(), "another gateway still moves the path");
    }

    @Test
    void deletingTheRouteOfThePathIsRefusedWhenNothingElseCarriesIt() {
        Observed isolated = TestState.host().add("rule 4 pref 1000 to 10.77.0.0/24 lookup 100",
                "route 100 10.77.0.0/24 via 192.0.2.77 dev d0").observed();
        ManagementPathCheck.Assessment a = assess(isolated, Change.delete(route(isolated, "10.77.0.0/24")));
        assertTrue(a.refuses());
        assertTrue(a.refusal().contains("(192.0.2.1 to 10.77.0.1) would be cut: no route (Network is unreachable)"), a.refusal());
    }

    @Test
    void movingThePathToAnotherGatewayIsRefused() {
        Observed now = host().observed();
        // without the table-100 route the reply falls through to main's default: another gateway
        ManagementPathCheck.Assessment a = assess(now, Change.delete(route(now, "10.77.0.0/24")));
        assertTrue(a.refuses());
        assertTrue(a.refusal().contains("would move from via 192.0.2.77 dev d0 to via 192.0.2.254 dev d0"), a.refusal());
    }

    @Test
    void aGatewayThatIsThePeerItselfKeepsThePath() {
        // managed from 192.0.2.50 on d0's link: replies go straight to it through main's connected route
        SshPeer onLink = SshPeer.parse("192.0.2.50 51234 192.0.2.1 22");
        Observed now = TestState.host().observed();
        Observed uplink = TestState.bare().add("rule 4 pref 1000 from 192.0.2.1 lookup 101",
                "route 101 0.0.0.0/0 via 192.0.2.50 dev d0", "route 101 0.0.0.0/0 via 192.0.2.254 dev d0").observed();
        // the seed recipe, with the peer as the uplink's gateway: the same neighbour, so the same path
        ManagementPathCheck.Assessment viaPeer = ManagementPathCheck.assess(onLink, now,
                new HostPlan(List.of(Change.add(uplink.rules().get(0)), Change.add(uplink.routes().get(0))), "fp"));
        assertFalse(viaPeer.refuses(), viaPeer::refusal);
        // with another gateway on the same link, the reply takes a detour through it: refused
        ManagementPathCheck.Assessment viaOther = ManagementPathCheck.assess(onLink, now,
                new HostPlan(List.of(Change.add(uplink.rules().get(0)), Change.add(uplink.routes().get(1))), "fp"));
        assertTrue(viaOther.refuses());
        assertTrue(viaOther.refusal().contains("would move from dev d0 to via 192.0.2.254 dev d0"), viaOther.refusal());
    }

    @Test
    void aBlackholeOrProhibitRuleInFrontIsRefused() {
        Observed now = host().observed();
        Rule block = TestState.bare().add("rule 4 pref 500 to 10.77.0.1 prohibit").observed().rules().get(0);
        ManagementPathCheck.Assessment a = assess(now, Change.add(block));
        assertTrue(a.refuses());
        assertTrue(a.refusal().contains("would be cut: prohibit (Permission denied) (rule 500: from all to 10.77.0.1 prohibit)"),
                a.refusal());
        Rule onlySsh = TestState.bare().add("rule 4 pref 500 to 10.77.0.1 ipproto tcp sport 22 blackhole").observed().rules().get(0);
        assertTrue(assess(now, Change.add(onlySsh)).refuses(), "the reply is TCP from port 22");
        Rule otherPort = TestState.bare().add("rule 4 pref 500 to 10.77.0.1 ipproto tcp sport 80 blackhole").observed().rules().get(0);
        assertFalse(assess(now, Change.add(otherPort)).refuses());
    }

    @Test
    void theSamePathThroughAnotherTableIsAccepted() {
        Observed now = host().observed();
        // the rule goes, main's more specific route takes over with the same gateway and device
        Route same = TestState.bare().add("route 254 10.77.0.0/24 via 192.0.2.77 dev d0").observed().routes().get(0);
        ManagementPathCheck.Assessment a = assess(now, Change.add(same), Change.delete(rule(now, 1000)));
        assertFalse(a.refuses(), a::refusal);
    }

    @Test
    void aPathTheSimulationCannotSeeNowIsNotAReasonToRefuse() {
        Observed blind = TestState.host().observed();
        Route explicit = TestState.bare().add("route 254 10.77.0.0/24 via 192.0.2.77 dev d0").observed().routes().get(0);
        ManagementPathCheck.Assessment a = assess(blind, Change.add(explicit));
        assertFalse(a.refuses(), a::refusal);
        assertNotNull(a.note());
    }

    @Test
    void aPlanThatDoesNotFitTheProbeIsRefused() {
        Route unknown = TestState.bare().add("route 100 10.77.0.0/16 via 192.0.2.5 dev d0").observed().routes().get(0);
        ManagementPathCheck.Assessment a = assess(host().observed(), Change.delete(unknown));
        assertTrue(a.refuses());
        assertTrue(a.refusal().startsWith("the host changed while the management path was checked"), a.refusal());
    }
}
