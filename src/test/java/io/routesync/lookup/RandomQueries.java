package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.IpAddress;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import java.util.List;
import java.util.Random;

/**
 * Seeded random packets for {@link RandomRouting}: mostly to addresses inside its routes (so the
 * tie-breaks matter), sometimes to this host's own addresses or to nowhere; sent from a local address
 * (sometimes from a foreign one, which IPv4 refuses) or forwarded in from a foreign source; with
 * marks, uids, protocols, ports, TOS and output interfaces. Destinations the simulation does not
 * claim to model are avoided: broadcast, multicast, link-local and subnet-anycast addresses.
 */
final class RandomQueries {
    private final Random random;
    private final RandomRouting routing;

    RandomQueries(Random random, RandomRouting routing) {
        this.random = random;
        this.routing = routing;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    Query next() {
        Family f = random.nextBoolean() ? Family.INET : Family.INET6;
        boolean forwarded = chance(40);
        IpAddress dst = destination(f);
        IpAddress src;
        if (forwarded) {
            src = foreignSource(f);
        } else {
            List<IpAddress> local = f == Family.INET ? LookupTopology.LOCAL4 : LookupTopology.LOCAL6;
            src = chance(85) ? pick(local) : foreignSource(f);
        }
        Query q = forwarded ? Query.forwarded(pick(LookupTopology.DEVICES), src, dst) : Query.sent(src, dst);
        if (!forwarded && f == Family.INET && chance(15)) q = q.withOif(pick(LookupTopology.DEVICES));
        if (chance(40)) q = q.withMark(pick(List.of(1L, 2L, 0x10L, 0x12L, 0xffL)));
        if (!forwarded && chance(40)) q = q.withUid(pick(List.of(0L, 1000L, 1500L, 65534L, 100000L)));
        if (chance(40)) {
            List<Integer> ports = List.of(53, 443, 1000, 1500, 2000, 3000);
            q = q.withFlow(random.nextBoolean() ? 6 : 17, pick(ports), pick(ports));
        } else if (f == Family.INET) {
            // ip route get -4 makes a UDP packet when no protocol is given (IPv6 makes none); a real
            // packet always has one, so IPv4 queries name it: ICMP, which has no ports
            q = q.withFlow(1, 0, 0);
        }
        if (f == Family.INET && chance(20)) q = q.withTos(pick(List.of(0x04, 0x08, 0x10, 0x14, 0x1c, 0x30, 0xb8)));
        return q;
    }

    private IpAddress destination(Family f) {
        int kind = random.nextInt(100);
        if (kind < 70) {
            // inside a route of the family, host bits random
            List<Route> mine = routing.routes.stream().filter(r -> r.family() == f && !r.dst().isAll()
                    && (f == Family.INET ? r.dst().address().toString().startsWith("10.")
                                         : r.dst().address().toString().startsWith("2001:db8:a"))).toList();
            if (!mine.isEmpty()) return inside(pick(mine).dst());
        }
        if (kind < 80) return pick(f == Family.INET ? LookupTopology.LOCAL4 : LookupTopology.LOCAL6);
        if (kind < 95) {
            Prefix p = routing.destination(f);
            return inside(p.isAll() ? Prefix.parse(f == Family.INET ? "10.0.0.0/8" : "2001:db8:a0::/40") : p);
        }
        return IpAddress.parse(f == Family.INET ? "100.100.1.1" : "2001:db8:eeee::1");
    }

    private IpAddress inside(Prefix p) {
        IpAddress a = p.address();
        int hostBits = a.family().bits() - p.length();
        if (a.family() == Family.INET) {
            long mask = hostBits == 0 ? 0 : (1L << hostBits) - 1;
            return new IpAddress(Family.INET, 0, a.lo() | (random.nextLong() & mask));
        }
        long loMask = hostBits >= 64 ? -1L : hostBits == 0 ? 0 : (1L << hostBits) - 1;
        long hiMask = hostBits > 64 ? (hostBits == 128 ? -1L : (1L << (hostBits - 64)) - 1) : 0;
        return new IpAddress(Family.INET6, a.hi() | (random.nextLong() & hiMask), a.lo() | (random.nextLong() & loMask));
    }

    private IpAddress foreignSource(Family f) {
        if (f == Family.INET) {
            return pick(List.of(IpAddress.parse("172.16.1.7"), IpAddress.parse("172.16.9.9"), IpAddress.parse("172.20.0.1"),
                    IpAddress.parse("10.1.2.3"), IpAddress.parse("100.100.5.5")));
        }
        return pick(List.of(IpAddress.parse("2001:db8:f1:1::7"), IpAddress.parse("2001:db8:f0:9::9"),
                IpAddress.parse("2001:db8:f2::1"), IpAddress.parse("2001:db8:a1::5")));
    }
}
