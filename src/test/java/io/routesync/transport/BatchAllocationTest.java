package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.apply.ApplyInput;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import io.routesync.testing.Allocations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The batch of a converge of 100k routes (8.5 MB of lines) is written into buffers of about its size and
 * copied into the answer once: it allocated about 1,500 bytes a route (a string per line and per route's
 * words, a buffer that grew, its string, the answer's builder, its string and their bytes), which with
 * the plan pushed an apply into one more collection of the young generation; now about 360 (four copies of its 85-byte line).
 */
class BatchAllocationTest {
    private static final int ROUTES = 100_000;
    private static final TableId TABLE = TableId.of(100);

    @Test
    void theBatchOfAHundredThousandAddsIsCopiedLittle() throws Exception {
        IpAddress via = IpAddress.parse("192.0.2.254");
        List<NextHop> hops = List.of(new NextHop(via, Interface.of("d0"), 1, false));
        List<Change> adds = new ArrayList<>(ROUTES);
        for (int i = 0; i < ROUTES; i++) {
            Prefix dst = new Prefix(new IpAddress(Family.INET, 0, 0x0a00_0000L + i * 16L), 28);
            adds.add(Change.add(Route.builder(Family.INET, TABLE).dst(dst).nexthops(hops).protocol(245).build()));
        }
        HostPlan plan = new HostPlan(adds, "fp");
        Observed empty = new Observed(List.of(), List.of(), Set.of(TABLE), List.of(), List.of(), Map.of(), Map.of());
        HostReading reading = new HostReading(empty, Names.builtin(), Map.of(245, Ownership.PROTOCOL_NAME), HostReading.UNDIGESTED);
        Ownership ownership = new Ownership(Set.of(TABLE), 245);
        List<byte[]> answer = new ArrayList<>();
        long bytes = Allocations.of(() -> answer.add(
                ApplyInput.build(plan, reading, ownership, Set.of(TABLE), Set.of(TABLE), null, false).parts().counted("M")));
        String text = new String(answer.get(0), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(text.contains("M part batch4-0002\nroute add 10.12.53.0/28 via 192.0.2.254 dev d0 table 100 proto 245 scope 0 metric 0\n"), text.substring(0, 300));
        assertEquals(3, text.split("\nM part batch4-").length, "two chunks of 50,000 lines");
        assertTrue(bytes < 500L * ROUTES, "the batch of " + ROUTES + " adds allocated " + bytes / ROUTES + " bytes a route");
    }
}
