package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.HostPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's golden cases: desired state, observed host, expected plan, each line as the plan
 * prints it. Entries default to routesync's tag (245) when desired and to a hand-made protocol when
 * live; the kernel's default rules are on every host.
 */
class PlannerCasesTest {

    /** The seed article's second uplink: its own table, a subnet route with src, a default route, from/to rules. */
    private static Scenario dualUplink() {
        return new Scenario().name("uplink2", 102);
    }

    private static final String FROM_RULE = "1000 from 192.168.2.10 lookup 102";
    private static final String TO_RULE = "1001 to 192.168.2.10 lookup 102";
    private static final String SUBNET = "192.168.2.0/24 table 102 dev eth1 src 192.168.2.10";
    private static final String DEFAULT = "default table 102 via 192.168.2.1 dev eth1";

    @Test
    void emptyHostGetsNamesThenRoutesThenRulesInDescendingPriority() throws Exception {
        Scenario s = dualUplink().want(FROM_RULE, TO_RULE, SUBNET, DEFAULT);
        assertEquals(List.of(
                "+ table 102 uplink2",
                "+ route default via 192.168.2.1 dev eth1 table 102 proto 245 scope 0 metric 0",
                "+ route 192.168.2.0/24 dev eth1 table 102 proto 245 scope 253 src 192.168.2.10 metric 0",
                "+ rule pref 1001 to 192.168.2.10 lookup 102 protocol 245",
                "+ rule pref 1000 from 192.168.2.10 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void convergedHostGivesAnEmptyPlan() throws Exception {
        Scenario s = dualUplink().converged(FROM_RULE, TO_RULE, SUBNET, DEFAULT).liveName("uplink2", 102);
        HostPlan plan = s.plan();
        assertTrue(plan.isEmpty(), () -> String.join("\n", PlanText.lines(plan)));
        assertEquals(64, plan.fingerprint().length());
    }

    @Test
    void aMissingRuleIsOneAdd() throws Exception {
        Scenario s = dualUplink().converged(FROM_RULE, SUBNET, DEFAULT).want(TO_RULE).liveName("uplink2", 102);
        assertEquals(List.of("+ rule pref 1001 to 192.168.2.10 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void aChangedGatewayIsOneReplaceNamingTheRouteItOverwrites() throws Exception {
        Scenario s = dualUplink().converged(FROM_RULE, TO_RULE, SUBNET).liveName("uplink2", 102)
                .want(DEFAULT).liveTagged("default table 102 via 192.168.2.254 dev eth1");
        assertEquals(List.of("~ route default via 192.168.2.1 dev eth1 table 102 proto 245 scope 0 metric 0"
                + " (was default via 192.168.2.254 dev eth1 table 102 proto 245 scope 0 metric 0)"), s.planText());
    }

    @Test
    void aMetricChangeIsAnAddThenADelete() throws Exception {
        Scenario s = dualUplink().liveName("uplink2", 102)
                .want("10.99.0.0/16 table 102 via 192.168.2.1 dev eth1 metric 50")
                .liveTagged("10.99.0.0/16 table 102 via 192.168.2.1 dev eth1 metric 100");
        assertEquals(List.of(
                "+ route 10.99.0.0/16 via 192.168.2.1 dev eth1 table 102 proto 245 scope 0 metric 50",
                "- route 10.99.0.0/16 via 192.168.2.1 dev eth1 table 102 proto 245 scope 0 metric 100"), s.planText());
    }

    @Test
    void aTosChangeIsAlsoANewIdentity() throws Exception {
        Scenario s = new Scenario().owns(102)
                .want("10.98.0.0/16 tos 0x10 table 102 via 192.0.2.1 dev eth1")
                .liveTagged("10.98.0.0/16 table 102 via 192.0.2.1 dev eth1");
        assertEquals(List.of(
                "+ route 10.98.0.0/16 tos 0x10 via 192.0.2.1 dev eth1 table 102 proto 245 scope 0 metric 0",
                "- route 10.98.0.0/16 via 192.0.2.1 dev eth1 table 102 proto 245 scope 0 metric 0"), s.planText());
    }

    @Test
    void foreignRoutesInAnOwnedTableAreDeleted() throws Exception {
        Scenario s = dualUplink().liveName("uplink2", 102).converged(DEFAULT)
                .live("10.7.0.0/16 table 102 via 192.168.2.1 dev eth1 proto 4",
                      "10.8.0.0/16 table 102 dev eth1");
        assertEquals(List.of(
                "- route 10.8.0.0/16 dev eth1 table 102 proto 3 scope 253 metric 0",
                "- route 10.7.0.0/16 via 192.168.2.1 dev eth1 table 102 proto 4 scope 0 metric 0"), s.planText());
    }

    @Test
    void inAnUnownedTableOnlyTaggedRoutesThatAreNoLongerDesiredAreDeleted() throws Exception {
        Scenario s = new Scenario()
                .want("10.1.0.0/16 table 254 via 192.0.2.1 dev eth0")
                .live("default table 254 via 192.0.2.254 dev eth0 proto 16",
                      "192.0.2.0/24 table 254 dev eth0 proto 2 scope 253 src 192.0.2.10")
                .liveTagged("10.2.0.0/16 table 254 via 192.0.2.1 dev eth0");
        assertEquals(List.of(
                "+ route 10.1.0.0/16 via 192.0.2.1 dev eth0 table 254 proto 245 scope 0 metric 0",
                "- route 10.2.0.0/16 via 192.0.2.1 dev eth0 table 254 proto 245 scope 0 metric 0"), s.planText());
    }

    @Test
    void aDesiredRouteInAnUnownedTableReplacesTheForeignRouteWithItsKey() throws Exception {
        Scenario s = new Scenario()
                .want("default table 254 via 192.0.2.1 dev eth0")
                .live("default table 254 via 192.0.2.254 dev eth0 proto 16");
        assertEquals(List.of("~ route default via 192.0.2.1 dev eth0 table 254 proto 245 scope 0 metric 0"
                + " (was default via 192.0.2.254 dev eth0 table 254 proto 16 scope 0 metric 0)"), s.planText());
    }

    @Test
    void foreignRulesAreKeptUnlessTheyLookUpAnOwnedTableOrCarryTheTag() throws Exception {
        Scenario s = dualUplink().liveName("uplink2", 102)
                .live("500 fwmark 0x1 lookup 254",
                      "600 from 10.0.0.0/8 lookup 102",
                      "700 from 10.1.0.0/16 lookup 200 proto 245",
                      "800 from 10.2.0.0/16 lookup 200 proto 4");
        assertEquals(List.of(
                "- rule pref 600 from 10.0.0.0/8 lookup 102 protocol 0",
                "- rule pref 700 from 10.1.0.0/16 lookup 200 protocol 245"), s.planText());
    }

    @Test
    void defaultRulesAreNeverDeletedEvenWhenTheirTablesAreOwned() throws Exception {
        Scenario s = new Scenario().owns(253, 254, 255)
                .liveTagged("32766 lookup 254", "-6 32766 lookup 254")
                .live("1000 lookup 254");
        assertEquals(List.of("- rule pref 1000 lookup 254 protocol 0"), s.planText());
    }

    @Test
    void aHandMadeRuleOrRouteEqualButForTheTagIsAdoptedAsItIs() throws Exception {
        Scenario s = dualUplink().liveName("uplink2", 102).want(FROM_RULE, DEFAULT)
                .live(FROM_RULE, DEFAULT + " proto 4");
        assertEquals(List.of(), s.planText());
    }

    @Test
    void anExplicitProtocolInTheStateIsNotAdoptionButAnAttribute() throws Exception {
        Scenario s = new Scenario().owns(102)
                .want("10.5.0.0/16 table 102 dev eth1 proto 4", "1000 lookup 102 proto 4")
                .live("10.5.0.0/16 table 102 dev eth1", "1000 lookup 102");
        assertEquals(List.of(
                "~ route 10.5.0.0/16 dev eth1 table 102 proto 4 scope 253 metric 0 (was 10.5.0.0/16 dev eth1 table 102 proto 3 scope 253 metric 0)",
                "+ rule pref 1000 lookup 102 protocol 4",
                "- rule pref 1000 lookup 102 protocol 0"), s.planText());
    }

    @Test
    void aRuleWithoutPriorityMatchesTheSameRuleAtAnyPriority() throws Exception {
        Scenario s = new Scenario().owns(102).want("auto from 10.0.0.0/8 lookup 102")
                .live("5000 from 10.0.0.0/8 lookup 102");
        assertEquals(List.of(), s.planText());
    }

    @Test
    void aRuleWithoutPriorityIsAddedWithoutOne() throws Exception {
        Scenario s = new Scenario().owns(102).want("auto from 10.0.0.0/8 lookup 102", "900 lookup 102");
        assertEquals(List.of(
                "+ rule pref 900 lookup 102 protocol 245",
                "+ rule from 10.0.0.0/8 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void ofSeveralMatchesForARuleWithoutPriorityTheFirstEvaluatedIsKept() throws Exception {
        Scenario s = new Scenario().owns(102).want("auto from 10.0.0.0/8 lookup 102")
                .live("5000 from 10.0.0.0/8 lookup 102", "4000 from 10.0.0.0/8 lookup 102 proto 4",
                      "6000 from 10.0.0.0/8 lookup 102 proto 245");
        assertEquals(List.of(
                "- rule pref 5000 from 10.0.0.0/8 lookup 102 protocol 0",
                "- rule pref 6000 from 10.0.0.0/8 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void ofDuplicateLiveRulesTheTaggedOneIsKeptAndTheOwnedRestDeleted() throws Exception {
        Scenario s = new Scenario().owns(102).want("1000 from 10.0.0.0/8 lookup 102")
                .live("1000 from 10.0.0.0/8 lookup 102 proto 4", "1000 from 10.0.0.0/8 lookup 102 proto 245");
        assertEquals(List.of("- rule pref 1000 from 10.0.0.0/8 lookup 102 protocol 4"), s.planText());
    }

    @Test
    void ipv6RoutesAreKeyedBySourcePrefixToo() throws Exception {
        Scenario s = new Scenario().owns(200)
                .want("-6 2001:db8:18::/48 from 2001:db8:abcd::/48 table 200 via 2001:db8::fe dev eth0",
                      "-6 2001:db8:18::/48 table 200 via 2001:db8::fd dev eth0",
                      "-6 100 from 2001:db8:100::/48 lookup 200")
                .liveTagged("-6 2001:db8:18::/48 from 2001:db8:aaaa::/48 table 200 via 2001:db8::fe dev eth0",
                            "-6 2001:db8:18::/48 table 200 via 2001:db8::fe dev eth0");
        assertEquals(List.of(
                "~ route -6 2001:db8:18::/48 via 2001:db8::fd dev eth0 table 200 proto 245 metric 1024 pref medium"
                        + " (was -6 2001:db8:18::/48 via 2001:db8::fe dev eth0 table 200 proto 245 metric 1024 pref medium)",
                "+ route -6 2001:db8:18::/48 from 2001:db8:abcd::/48 via 2001:db8::fe dev eth0 table 200 proto 245 metric 1024 pref medium",
                "+ rule -6 pref 100 from 2001:db8:100::/48 lookup 200 protocol 245",
                "- route -6 2001:db8:18::/48 from 2001:db8:aaaa::/48 via 2001:db8::fe dev eth0 table 200 proto 245 metric 1024 pref medium"),
                s.planText());
    }

    @Test
    void multipathRoutesAreComparedPathByPath() throws Exception {
        String two = "10.20.0.0/16 table 102 nexthop via 192.0.2.254 dev d0 weight 1 nexthop via 198.51.100.254 dev d1 weight 3";
        Scenario same = new Scenario().owns(102).converged(two);
        assertEquals(List.of(), same.planText());

        Scenario reweighted = new Scenario().owns(102).want(two)
                .liveTagged("10.20.0.0/16 table 102 nexthop via 192.0.2.254 dev d0 weight 1 nexthop via 198.51.100.254 dev d1 weight 1");
        assertEquals(List.of("~ route 10.20.0.0/16 table 102 proto 245 scope 0 metric 0 nexthop via 192.0.2.254 dev d0 weight 1"
                + " nexthop via 198.51.100.254 dev d1 weight 3 (was 10.20.0.0/16 table 102 proto 245 scope 0 metric 0"
                + " nexthop via 192.0.2.254 dev d0 weight 1 nexthop via 198.51.100.254 dev d1 weight 1)"),
                reweighted.planText());
    }

    @Test
    void tableNamesAreAddedRenamedAndRemovedInRoutesyncsOwnFile() throws Exception {
        Scenario s = new Scenario().name("uplink2", 102).name("vpn", 110)
                .liveName("uplink2", 102).liveName("old", 110).liveName("gone", 120);
        assertEquals(List.of("- table 110 old", "+ table 110 vpn", "- table 120 gone"), s.planText());
    }

    @Test
    void severalLiveRoutesWithOneKeyKeepTheMatchingOneAndLoseTheOwnedRest() throws Exception {
        Scenario s = new Scenario().owns(102).want("10.1.0.0/16 table 102 via 192.0.2.1 dev eth0")
                .live("10.1.0.0/16 table 102 via 192.0.2.2 dev eth0")
                .liveTagged("10.1.0.0/16 table 102 via 192.0.2.1 dev eth0");
        assertEquals(List.of("- route 10.1.0.0/16 via 192.0.2.2 dev eth0 table 102 proto 3 scope 0 metric 0"), s.planText());
    }

    @Test
    void severalLiveRoutesWithOneKeyAndNoMatchAreThinnedBeforeTheReplace() throws Exception {
        Scenario s = new Scenario().owns(102).read(103).want("10.1.0.0/16 table 102 via 192.0.2.1 dev eth0",
                        "10.3.0.0/16 table 102 via 192.0.2.1 dev eth0")
                .live("10.1.0.0/16 table 102 via 192.0.2.2 dev eth0", "10.1.0.0/16 table 102 via 192.0.2.3 dev eth0",
                      "10.0.0.0/16 table 102 via 192.0.2.3 dev eth0");
        assertEquals(List.of(
                "- route 10.1.0.0/16 via 192.0.2.3 dev eth0 table 102 proto 3 scope 0 metric 0",
                "~ route 10.1.0.0/16 via 192.0.2.1 dev eth0 table 102 proto 245 scope 0 metric 0"
                        + " (was 10.1.0.0/16 via 192.0.2.2 dev eth0 table 102 proto 3 scope 0 metric 0)",
                "+ route 10.3.0.0/16 via 192.0.2.1 dev eth0 table 102 proto 245 scope 0 metric 0",
                "- route 10.0.0.0/16 via 192.0.2.3 dev eth0 table 102 proto 3 scope 0 metric 0"), s.planText());
    }

    @Test
    void aRuleTheKernelWouldTakeForTheOldOneIsAddedOnlyAfterTheOldOneIsGone() throws Exception {
        // the kernel ignores 'not' when it checks for an existing rule, so the add would fail first
        Scenario s = new Scenario().owns(102).want("1000 not from 10.0.0.0/8 lookup 102", "2000 lookup 102")
                .liveTagged("1000 from 10.0.0.0/8 lookup 102", "2000 from 10.1.0.0/16 lookup 102");
        assertEquals(List.of(
                "- rule pref 2000 from 10.1.0.0/16 lookup 102 protocol 245",
                "+ rule pref 2000 lookup 102 protocol 245",
                "- rule pref 1000 from 10.0.0.0/8 lookup 102 protocol 245",
                "+ rule pref 1000 not from 10.0.0.0/8 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void aKeptRuleInTheWayOfALooserNewOneIsDeletedAndAddedBackAfterIt() throws Exception {
        Scenario s = new Scenario().owns(102).converged("1000 from 10.0.0.0/8 lookup 102").want("1000 lookup 102");
        assertEquals(List.of(
                "- rule pref 1000 from 10.0.0.0/8 lookup 102 protocol 245",
                "+ rule pref 1000 lookup 102 protocol 245",
                "+ rule pref 1000 from 10.0.0.0/8 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void aKeptRuleADeleteWouldHitIsDeletedAndAddedBackSoTheDeleteHitsTheRightRule() throws Exception {
        // 'ip rule del pref 1001 lookup 101 proto 245' removes the first rule at 1001 with those attributes:
        // the kept, more specific rule if it is listed first. Added back, it is listed after.
        String kept = "1001 to 172.16.0.0/12 iif eth1 lookup 101";
        Scenario s = new Scenario().owns(101).converged(kept).liveTagged("1001 lookup 101");
        assertEquals(List.of(
                "- rule pref 1001 to 172.16.0.0/12 iif eth1 lookup 101 protocol 245",
                "+ rule pref 1001 to 172.16.0.0/12 iif eth1 lookup 101 protocol 245",
                "- rule pref 1001 lookup 101 protocol 245"), s.planText());
    }

    @Test
    void aDeleteMovedEarlyTakesTheDeletesItWouldHitAlong() throws Exception {
        // the looser rule can only be added once the narrower one is gone, and deleting the narrower one
        // would hit the narrowest one first (listed before it): so that one goes first of all
        Scenario s = new Scenario().owns(102).want("1000 lookup 102")
                .liveTagged("1000 from 10.0.0.0/8 iif eth1 lookup 102", "1000 from 10.0.0.0/8 lookup 102");
        assertEquals(List.of(
                "- rule pref 1000 from 10.0.0.0/8 iif eth1 lookup 102 protocol 245",
                "- rule pref 1000 from 10.0.0.0/8 lookup 102 protocol 245",
                "+ rule pref 1000 lookup 102 protocol 245"), s.planText());
        assertTrue(Planner.plan(s.desired(), Simulator.apply(s.observed(), s.plan()), s.ownership()).isEmpty());
    }

    @Test
    void deletesAtOnePriorityGoMostSpecificFirstAndProtocolZeroLast() throws Exception {
        Scenario s = new Scenario().owns(101)
                .live("1001 lookup 101", "1001 lookup 101 proto 4", "1001 iif eth1 lookup 101 proto 4",
                      "1001 to 172.16.0.0/12 iif eth1 lookup 101 proto 4");
        assertEquals(List.of(
                "- rule pref 1001 to 172.16.0.0/12 iif eth1 lookup 101 protocol 4",
                "- rule pref 1001 iif eth1 lookup 101 protocol 4",
                "- rule pref 1001 lookup 101 protocol 4",
                "- rule pref 1001 lookup 101 protocol 0"), s.planText());
    }

    @Test
    void routeDeletesRunInDescendingPrefixOrderTableByTable() throws Exception {
        Scenario s = new Scenario().owns(101, 102)
                .live("10.1.0.0/16 table 102 dev eth0", "10.2.0.0/16 table 101 dev eth0", "10.1.0.0/24 table 101 dev eth0",
                      "10.1.0.0/16 table 101 dev eth0", "-6 2001:db8::/32 table 101 dev eth0", "default table 101 dev eth0");
        assertEquals(List.of(
                "- route 10.2.0.0/16 dev eth0 table 101 proto 3 scope 253 metric 0",
                "- route 10.1.0.0/24 dev eth0 table 101 proto 3 scope 253 metric 0",
                "- route 10.1.0.0/16 dev eth0 table 101 proto 3 scope 253 metric 0",
                "- route default dev eth0 table 101 proto 3 scope 253 metric 0",
                "- route 10.1.0.0/16 dev eth0 table 102 proto 3 scope 253 metric 0",
                "- route -6 2001:db8::/32 dev eth0 table 101 proto 3 metric 1024 pref medium"), s.planText());
    }

    @Test
    void theHostContradictingTheStateIsReportedAllAtOnce() {
        Scenario s = new Scenario().name("uplink2", 102).name("main", 100)
                .nameElsewhere("uplink2", 202).protocolElsewhere(245, "zebra2").protocolElsewhere(250, "routesync");
        PlanConflictException e = assertThrows(PlanConflictException.class, s::plan);
        assertEquals(List.of(
                "the protocol name 'routesync' is bound to 250 in another rt_protos file, but the tag is 245;"
                        + " remove that binding or use tag 250",
                "the protocol tag 245 is already named 'zebra2' in another rt_protos file; choose a free number for routesync",
                "the table name 'main' is declared for table 100 but the host already binds it to table 254"
                        + " (an iproute2 built-in); choose another name, or use table 254",
                "the table name 'uplink2' is declared for table 102 but the host already binds it to table 202"
                        + " (another rt_tables file); choose another name, or use table 202"), e.conflicts());
    }

    @Test
    void aNameTheHostAlreadyBindsTheSameWayNeedsNoLineInRoutesyncsFile() throws Exception {
        Scenario s = new Scenario().name("isp", 200).name("uplink2", 102).nameElsewhere("isp", 200).liveName("isp", 200);
        assertEquals(List.of("+ table 102 uplink2", "- table 200 isp"), s.planText().stream().sorted().toList());
    }

    @Test
    void aBuiltInProtocolCannotBeTheTag() {
        Scenario s = new Scenario().tag(3);
        PlanConflictException e = assertThrows(PlanConflictException.class, s::plan);
        assertEquals(1, e.conflicts().size());
        assertTrue(e.conflicts().get(0).startsWith("the protocol tag 3 is iproute2's built-in protocol 'boot'"));
    }

    @Test
    void desiredEntriesTheKernelCannotHoldTogetherAreConflicts() {
        Scenario s = new Scenario().owns(102)
                .want("10.1.0.0/16 table 102 dev eth0", "10.1.0.0/16 table 102 dev eth1",
                      "1000 from 10.0.0.0/8 lookup 102", "1000 not from 10.0.0.0/8 lookup 102");
        PlanConflictException e = assertThrows(PlanConflictException.class, s::plan);
        assertEquals(2, e.conflicts().size(), e.getMessage());
    }

    @Test
    void aForeignRuleTheKernelWouldTakeForADesiredOneIsAConflict() {
        // routesync may not delete the foreign rule, and the kernel refuses the add while it exists
        Scenario s = new Scenario().want("1000 lookup 254 proto 4").live("1000 from 10.0.0.0/8 lookup 254 proto 4");
        PlanConflictException e = assertThrows(PlanConflictException.class, s::plan);
        assertEquals(List.of("the rule 'pref 1000 from 10.0.0.0/8 lookup 254 protocol 4', which routesync does not own, is in the way"
                + " of 'pref 1000 lookup 254 protocol 4': the kernel takes one for the other at priority 1000;"
                + " give them different priorities"), e.conflicts());
    }

    @Test
    void conflictsReadTheSameWhateverTheInputOrder() {
        String[] entries = {"10.1.0.0/16 table 102 dev eth0", "10.1.0.0/16 table 102 dev eth1",
                "1000 from 10.0.0.0/8 lookup 102 proto 4", "1000 from 10.0.0.0/8 lookup 102 proto 16"};
        String[] reversed = {entries[3], entries[2], entries[1], entries[0]};
        PlanConflictException one = assertThrows(PlanConflictException.class, new Scenario().owns(102).want(entries)::plan);
        PlanConflictException other = assertThrows(PlanConflictException.class, new Scenario().owns(102).want(reversed)::plan);
        assertEquals(2, one.conflicts().size());
        assertEquals(one.conflicts(), other.conflicts());
    }

    @Test
    void aRuleGivenWithAndWithoutTheTagIsOneRule() throws Exception {
        Scenario s = new Scenario().owns(102).want("1000 lookup 102 proto 245").wantRulesAsWritten("1000 lookup 102");
        assertEquals(List.of("+ rule pref 1000 lookup 102 protocol 245"), s.planText());
    }

    @Test
    void aPlanNeedsEveryTableItTouchesToHaveBeenRead() {
        Scenario s = new Scenario().owns(102);
        var observed = new io.routesync.model.Observed(Scenario.defaultRules(), List.of(), java.util.Set.of(), List.of(),
                List.of(), java.util.Map.of());
        assertThrows(IllegalArgumentException.class, () -> Planner.plan(s.desired(), observed, s.ownership()));
    }

    // issue 16 item 1: a gateway without dev leaves the device to the kernel

    @Test
    void aGatewayWithoutDevMatchesTheDeviceTheKernelChose() throws Exception {
        Scenario s = new Scenario().owns(102)
                .want("10.99.0.0/16 table 102 via 192.168.2.1", "-6 2001:db8:99::/48 table 102 via 2001:db8::2",
                        "10.98.0.0/16 table 102 nexthop via 192.168.2.1 weight 2 nexthop via 192.168.3.1 dev eth2")
                .liveTagged("10.99.0.0/16 table 102 via 192.168.2.1 dev eth1", "-6 2001:db8:99::/48 table 102 via 2001:db8::2 dev eth1",
                        "10.98.0.0/16 table 102 nexthop via 192.168.2.1 dev eth1 weight 2 nexthop via 192.168.3.1 dev eth2");
        HostPlan plan = s.plan();
        assertTrue(plan.isEmpty(), () -> String.join("\n", PlanText.lines(plan)));
    }

    @Test
    void aGatewayWithoutDevStillSeesAnotherGatewayOrAnotherDeviceTheStateNames() throws Exception {
        Scenario s = new Scenario().owns(102)
                .want("10.99.0.0/16 table 102 via 192.168.2.1", "10.98.0.0/16 table 102 nexthop via 192.168.2.1 nexthop via 192.168.3.1 dev eth2")
                .liveTagged("10.99.0.0/16 table 102 via 192.168.2.254 dev eth1",
                        "10.98.0.0/16 table 102 nexthop via 192.168.2.1 dev eth1 nexthop via 192.168.3.1 dev eth3");
        assertEquals(List.of(
                "~ route 10.98.0.0/16 table 102 proto 245 scope 0 metric 0 nexthop via 192.168.2.1 weight 1 nexthop via 192.168.3.1 dev eth2 weight 1"
                        + " (was 10.98.0.0/16 table 102 proto 245 scope 0 metric 0 nexthop via 192.168.2.1 dev eth1 weight 1 nexthop via 192.168.3.1 dev eth3 weight 1)",
                "~ route 10.99.0.0/16 via 192.168.2.1 table 102 proto 245 scope 0 metric 0"
                        + " (was 10.99.0.0/16 via 192.168.2.254 dev eth1 table 102 proto 245 scope 0 metric 0)"), s.planText());
    }
}
