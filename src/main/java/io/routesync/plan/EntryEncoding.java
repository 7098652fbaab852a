package io.routesync.plan;

import io.routesync.model.Entry;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.model.UidRange;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A canonical, injective byte encoding of every field of an entry. The fingerprint hashes it, and
 * comparing encodings gives the total order that breaks ties deterministically (two entries compare
 * equal only when they are equal). Numbers are fixed-width big-endian, so byte order is numeric order.
 */
final class EntryEncoding {
    private static final byte RULE = 1;
    private static final byte ROUTE = 2;
    private static final byte TABLE_NAME = 3;

    /** Orders any two entries of one kind; used only to break ties, so it need not be meaningful. */
    static final Comparator<Entry> TOTAL_ORDER = (a, b) -> a.equals(b) ? 0 : Arrays.compareUnsigned(of(a), of(b));

    private byte[] buf = new byte[256];
    private int len;

    static byte[] of(Entry entry) {
        EntryEncoding e = new EntryEncoding();
        e.encode(entry);
        return Arrays.copyOf(e.buf, e.len);
    }

    /** Resets this encoder and writes {@code entry}; read the result with {@link #bytes()} / {@link #length()}. */
    EntryEncoding encode(Entry entry) {
        len = 0;
        if (entry instanceof Route) {
            route((Route) entry);
        } else if (entry instanceof Rule) {
            rule((Rule) entry);
        } else if (entry instanceof TableName) {
            TableName n = (TableName) entry;
            u8(TABLE_NAME);
            u32(n.id().id());
            string(n.name());
        } else {
            throw new AssertionError("unknown entry kind " + entry.getClass());
        }
        return this;
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return len;
    }

    private void route(Route r) {
        u8(ROUTE);
        u8(r.family().ordinal());
        u32(r.table().id());
        prefix(r.dst());
        prefix(r.from());
        u8(r.tos());
        u32(r.metric());
        u8(r.type().number());
        u32(r.nhid());
        // by index, and the metrics only when there are any: no iterator per route (the fingerprint encodes every
        // route read, 100k of them in an apply)
        List<NextHop> hops = r.nexthops();
        u16(hops.size());
        for (int i = 0; i < hops.size(); i++) {
            NextHop h = hops.get(i);
            address(h.via());
            iface(h.dev());
            u16(h.weight());
            bool(h.onlink());
        }
        u8(r.protocol());
        u8(r.scope());
        address(r.prefsrc());
        u32(r.realms());
        u8(r.metrics().size());
        if (!r.metrics().isEmpty()) metrics(r.metrics());
        u8(r.pref() == null ? 0 : 1 + r.pref().ordinal());
    }

    private void metrics(Map<RouteMetric, MetricValue> metrics) {
        for (Map.Entry<RouteMetric, MetricValue> m : metrics.entrySet()) {
            u8(m.getKey().ordinal());
            u32(m.getValue().number());
            string(m.getValue().name());
            bool(m.getValue().lock());
        }
    }

    private void rule(Rule r) {
        u8(RULE);
        u8(r.family().ordinal());
        priority(r.priority());
        bool(r.not());
        prefix(r.from());
        prefix(r.to());
        u8(r.tos());
        FwMark mark = r.fwmark();
        if (mark == null) {
            u8(0);
        } else {
            u8(1);
            u32(mark.value());
            u32(mark.mask());
        }
        iface(r.iif());
        iface(r.oif());
        UidRange uids = r.uidRange();
        if (uids == null) {
            u8(0);
        } else {
            u8(1);
            u32(uids.start());
            u32(uids.end());
        }
        u8(r.ipProto());
        ports(r.sport());
        ports(r.dport());
        bool(r.l3mdev());
        u64(r.tunId());
        u8(r.action().ordinal());
        table(r.table());
        priority(r.gotoTarget());
        u16(r.suppressPrefixLength() + 1);
        u64(r.suppressIfgroup() + 1L);
        u32(r.realms());
        u16(r.protocol() + 1);
    }

    private void prefix(Prefix p) {
        if (p == null) {
            u8(0);
            return;
        }
        u8(1);
        address(p.address());
        u8(p.length());
    }

    private void address(IpAddress a) {
        if (a == null) {
            u8(0);
            return;
        }
        u8(1 + a.family().ordinal());
        u64(a.hi());
        u64(a.lo());
    }

    private void iface(Interface i) {
        string(i == null ? null : i.name());
    }

    private void table(TableId t) {
        u32(t == null ? 0 : t.id());
    }

    private void priority(Priority p) {
        if (p == null) {
            u8(0);
        } else {
            u8(1);
            u32(p.value());
        }
    }

    private void ports(PortRange p) {
        if (p == null) {
            u8(0);
        } else {
            u8(1);
            u16(p.start());
            u16(p.end());
        }
    }

    private void string(String s) {
        if (s == null) {
            u8(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u8(1);
        u16(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void bool(boolean b) {
        u8(b ? 1 : 0);
    }

    private void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    private void u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void u32(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) buf[len++] = (byte) (v >>> shift);
    }

    private void u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) buf[len++] = (byte) (v >>> shift);
    }

    private void ensure(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
}
