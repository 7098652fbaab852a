package io.routesync.model;

import java.util.List;
import java.util.Objects;
/**
 * One path of a route: gateway ({@code via}, may be of the other family: {@code via inet6}),
 * device, weight (multipath only; 1 otherwise) and the {@code onlink} flag. Kernel state flags such as
 * {@code linkdown} and {@code dead} are not part of it: they are observations, not configuration.
 */
public record NextHop(IpAddress via, Interface dev, int weight, boolean onlink) implements Comparable<NextHop> {

    public NextHop {
        if (via == null && dev == null) {
            throw new InvalidValueException("a next hop needs a gateway (via) or a device (dev)", "via ADDRESS and/or dev NAME");
        }
        // fe80::/10: the kernel cannot tell which link such a gateway is on ("Egress device not specified")
        if (via != null && dev == null && via.family() == Family.INET6 && (via.hi() >>> 54) == 0x3fa) {
            throw new InvalidValueException("gateway " + via + " is link-local, and the kernel refuses a link-local gateway without"
                    + " its device (Egress device not specified)", "via " + via + " dev NAME");
        }
        if (weight < 1 || weight > 256) {
            throw new InvalidValueException("weight " + weight + " is out of range", "a weight from 1 to 256");
        }
    }

    public static NextHop of(IpAddress via, Interface dev) {
        return new NextHop(via, dev, 1, false);
    }

    public NextHop withWeight(int newWeight) {
        return newWeight == weight ? this : new NextHop(via, dev, newWeight, onlink);
    }

    @Override
    public int compareTo(NextHop o) {
        int c = via == null ? (o.via == null ? 0 : -1) : o.via == null ? 1 : via.compareTo(o.via);
        if (c != 0) return c;
        c = dev == null ? (o.dev == null ? 0 : -1) : o.dev == null ? 1 : dev.compareTo(o.dev);
        return c != 0 ? c : Integer.compare(weight, o.weight);
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof NextHop x && Objects.equals(via, x.via) && Objects.equals(dev, x.dev)
                && weight == x.weight && onlink == x.onlink;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(via);
        h = 31 * h + Objects.hashCode(dev);
        h = 31 * h + weight;
        h = 31 * h + Boolean.hashCode(onlink);
        return h;
    }

    /** {@code a.equals(b)} for two next-hop lists, by index (List.equals allocates two iterators under C1). */
    static boolean sameList(List<NextHop> a, List<NextHop> b) {
        if (a == b) return true;
        int n = a.size();
        if (n != b.size()) return false;
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) return false;
        }
        return true;
    }
}
