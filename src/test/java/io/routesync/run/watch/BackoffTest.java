package io.routesync.run.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.TableId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The watch's back-off and event filter, without a kernel. */
class BackoffTest {
    private static final long S = 1_000_000_000L;
    private final Backoff backoff = new Backoff(2, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));

    @Test
    void twoHealsAreFreeThenTheWaitDoublesUpToTheCap() {
        List<String> e = List.of("table 102 default");
        long now = 0;
        assertNull(backoff.check(e, now));
        backoff.healed(e, now);
        assertNull(backoff.check(e, now + S / 10));
        backoff.healed(e, now += S / 10);
        Backoff.Wait w = backoff.check(e, now + S / 10);
        assertNotNull(w);
        assertEquals(now + S, w.until());
        assertEquals(2, w.heals());
        long[] expected = {2, 4, 8, 8, 8};
        for (long seconds : expected) {
            now = backoff.check(e, now).until();
            backoff.healed(e, now);
            assertEquals(now + seconds * S, backoff.check(e, now).until());
        }
        // a different entry is not held back by this fight
        assertNull(backoff.check(List.of("table 102 10.0.0.0/8"), now));
    }

    @Test
    void aQuietWindowForgetsTheFight() {
        List<String> e = List.of("x");
        backoff.healed(e, 0);
        backoff.healed(e, S);
        assertNotNull(backoff.check(e, S + 1));
        assertNull(backoff.check(e, S + 62 * S));
        backoff.reset();
        assertNull(backoff.check(e, S + 1));
    }

    @Test
    void routeEventsCountOnlyInTablesTheStateReads() {
        Set<TableId> tables = Set.of(TableId.of(102));
        assertTrue(EventFilter.matters("[ROUTE]Deleted default via 192.168.2.1 dev eth1 table 102 proto 245", tables));
        assertTrue(!EventFilter.matters("[ROUTE]10.7.0.0/24 via 10.9.0.2 dev d0 table 100 proto 245", tables));
        assertTrue(!EventFilter.matters("[ROUTE]10.7.0.0/24 via 10.9.0.2 dev d0 proto 245", tables)); // main
        assertTrue(EventFilter.matters("[ROUTE]10.7.0.0/24 via 10.9.0.2 dev d0 proto 245", Set.of(TableId.of(254))));
        assertTrue(EventFilter.matters("[LINK]3: eth1@eth1p: <BROADCAST,MULTICAST> state DOWN", tables));
        assertTrue(EventFilter.matters("[ADDR]Deleted 3: eth1    inet 10.9.0.1/24", tables));
        assertTrue(EventFilter.matters("[RULE]100:\tfrom 10.9.0.1 lookup 100", tables));
        assertTrue(EventFilter.matters("something new", tables));
        assertEquals("link 3: eth1@eth1p: <BROADCAST,MULTICAST> state DOWN", EventFilter.describe("[LINK]3: eth1@eth1p: <BROADCAST,MULTICAST>   state DOWN"));
    }
}
