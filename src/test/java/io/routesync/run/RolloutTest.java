package io.routesync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --serial and --max-fail: what they accept, how they cut the hosts into batches, and when a batch stops the rollout. */
class RolloutTest {

    @Test
    void sizesAreCountsOrPercentagesOfTheHostsAndTheLastOneRepeats() {
        assertEquals(List.of(1, 1, 8), sizes("1,10%,100%", 10));
        assertEquals(List.of(1, 2, 17), sizes("1,10%,100%", 20), "10% of 20 hosts is 2");
        assertEquals(List.of(2, 2, 2, 1), sizes("2", 7), "the last size repeats; the last batch takes what is left");
        assertEquals(List.of(1, 1, 1), sizes("10%", 3), "a percentage rounds down but is at least one host");
        assertEquals(List.of(5), sizes("100%", 5));
        assertEquals(List.of(3), sizes("1000", 3));
        assertEquals(List.of(), sizes("1,10%", 0));
        List<List<Integer>> slices = Rollout.parse("1,2", null).slices(5);
        assertEquals(List.of(List.of(0), List.of(1, 2), List.of(3, 4)), slices, "positions in run order");
    }

    @Test
    void aBatchStopsTheRolloutWhenMoreThanMaxFailOfItsHostsFailed() {
        Rollout none = Rollout.parse("1", null);
        assertFalse(none.stops(0, 5));
        assertTrue(none.stops(1, 5), "the default --max-fail 0 stops at the first failure");
        Rollout two = Rollout.parse("1", "2");
        assertFalse(two.stops(2, 5));
        assertTrue(two.stops(3, 5));
        Rollout half = Rollout.parse("1", "50%");
        assertFalse(half.stops(2, 4), "50% of 4 failed is not more than 50%");
        assertTrue(half.stops(3, 4));
        assertTrue(Rollout.parse("1", "10%").stops(1, 5), "1 of 5 is 20%, more than 10%");
        assertFalse(Rollout.parse("1", "100%").stops(5, 5));
    }

    @Test
    void badValuesAreRefusedWithTheOptionNamed() {
        assertEquals("--serial 0: a batch of 0 hosts would never end; give 1 or more, or 1%-100%", message("0", null));
        assertEquals("--serial 1,0%: a batch of 0 hosts would never end; give 1 or more, or 1%-100%", message("1,0%", null));
        assertEquals("--serial has an empty size; e.g. --serial 1,10%,100%", message("1,,2", null));
        assertEquals("--serial -1 is not a number of hosts (N) or a percentage (P%); e.g. --serial 1,10%,100%", message("-1", null));
        assertEquals("--serial 1.5 is not a number of hosts (N) or a percentage (P%); e.g. --serial 1,10%,100%", message("1.5", null));
        assertEquals("--serial 9999999 is not a number of hosts (N) or a percentage (P%); e.g. --serial 1,10%,100%", message("9999999", null));
        assertEquals("--serial 101%: a percentage is 0%-100%", message("101%", null));
        assertEquals("--max-fail x is not a number of hosts (N) or a percentage (P%); e.g. --max-fail 0 or --max-fail 10%", message("1", "x"));
        assertEquals("--max-fail 150%: a percentage is 0%-100%", message("1", "150%"));
        assertEquals("--max-fail needs --serial: without batches nothing can stop early", message(null, "1"));
        assertTrue(message(",".repeat(Rollout.MAX_SIZES), null).startsWith("--serial has 101 sizes; at most 100"));
        assertEquals("1,10%,100%", Rollout.parse(" 1, 10% ,100%", null).serialText());
        assertEquals("0", Rollout.parse("1", null).maxFail().toString());
    }

    private static String message(String serial, String maxFail) {
        return assertThrows(IllegalArgumentException.class, () -> Rollout.parse(serial, maxFail)).getMessage();
    }

    private static List<Integer> sizes(String serial, int hosts) {
        List<Integer> sizes = new ArrayList<>();
        for (List<Integer> b : Rollout.parse(serial, null).slices(hosts)) sizes.add(b.size());
        return sizes;
    }
}
