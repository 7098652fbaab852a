package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Change;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteDiff}'s merge of two key-ordered lists against its index, the reference: the same changes (in
 * {@link ChangeOrder}'s order) and conflicts on generated hosts ({@link StateGenerator}) whose routes are
 * put in strict key order (the merge must then be taken), in key order with repeated keys, with one pair
 * swapped, and as generated (the merge must then give way); with every table read and with one not read.
 */
class RouteDiffMergeTest {
    private static final int SEEDS = 800;
    private static final Ownership OWN = StateGenerator.ownership();

    @Test
    void theMergeGivesWhatTheIndexGives() {
        int merged = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            Random random = new Random(seed);
            List<Route> desired = g.desired.routes();
            List<Route> observed = g.observed.routes();
            for (Set<TableId> read : List.of(g.observed.tablesRead(), withoutOne(g.observed.tablesRead(), random))) {
                String why = "seed " + seed + ", tables read " + read;
                // strictly ascending on both sides: the merge is taken
                List<Route> d = strict(desired);
                List<Route> o = strict(observed);
                assertNotNull(RouteDiff.merged(d, o, read, OWN), why);
                merged++;
                same(d, o, read, why + ", strict order");
                // ascending with repeated keys, one pair swapped, as generated: taken or not, the same changes
                same(sorted(desired), sorted(observed), read, why + ", key order");
                same(swapped(d, random), o, read, why + ", desired swapped");
                same(d, swapped(o, random), read, why + ", observed swapped");
                same(desired, observed, read, why + ", as generated");
            }
        }
        assertEquals(2 * SEEDS, merged);
    }

    @Test
    void aRepeatedKeyOrAnOutOfOrderRouteLeavesItToTheIndex() {
        StateGenerator g = new StateGenerator(7, true);
        List<Route> d = strict(g.desired.routes());
        List<Route> o = strict(g.observed.routes());
        assertTrue(d.size() >= 2 && o.size() >= 2);
        Set<TableId> read = g.observed.tablesRead();
        List<Route> repeated = new ArrayList<>(o);
        repeated.add(1, o.get(0));
        assertNull(RouteDiff.merged(d, repeated, read, OWN));
        List<Route> backwards = new ArrayList<>(d);
        Collections.reverse(backwards);
        assertNull(RouteDiff.merged(backwards, o, read, OWN));
    }

    private static void same(List<Route> desired, List<Route> observed, Set<TableId> read, String why) {
        List<String> conflictsByIndex = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<Change> byIndex = ChangeOrder.order(RouteDiff.diff(desired, observed, read, OWN, conflictsByIndex, false));
        List<Change> changes = ChangeOrder.order(RouteDiff.diff(desired, observed, read, OWN, conflicts, true));
        assertEquals(byIndex, changes, why);
        assertEquals(conflictsByIndex, conflicts, why);
    }

    private static List<Route> sorted(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Route::compareKeys);
        return sorted;
    }

    /** In key order, each key once (its first route in key order). */
    private static List<Route> strict(List<Route> routes) {
        List<Route> strict = new ArrayList<>();
        for (Route r : sorted(routes)) {
            if (strict.isEmpty() || Route.compareKeys(strict.get(strict.size() - 1), r) < 0) strict.add(r);
        }
        return strict;
    }

    private static List<Route> swapped(List<Route> routes, Random random) {
        List<Route> swapped = new ArrayList<>(routes);
        if (swapped.size() >= 2) {
            int i = random.nextInt(swapped.size() - 1);
            Collections.swap(swapped, i, i + 1);
        }
        return swapped;
    }

    private static Set<TableId> withoutOne(Set<TableId> tables, Random random) {
        List<TableId> list = new ArrayList<>(tables);
        list.remove(random.nextInt(list.size()));
        return new LinkedHashSet<>(list);
    }
}
