package io.routesync.plan;

import io.routesync.iproute2.IpSyntax;
import io.routesync.model.Entry;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;

/**
 * One-line descriptions of entries for conflict messages and the planner's golden tests: the numeric,
 * fully specified iproute2 form of {@link IpSyntax} ({@code -6} first for IPv6), so two different
 * entries never read alike, and the text of a route's kernel identity.
 */
public final class EntryText {
    private EntryText() {
    }

    public static String of(Entry entry) {
        if (entry instanceof Rule) {
            Rule r = (Rule) entry;
            return (r.family() == Family.INET6 ? "-6 " : "") + IpSyntax.ruleArgs(r, null);
        }
        if (entry instanceof Route) {
            Route r = (Route) entry;
            return (r.family() == Family.INET6 ? "-6 " : "") + IpSyntax.routeArgs(r, null, true);
        }
        if (entry instanceof TableName) return entry.toString();
        throw new AssertionError("unknown entry kind " + entry.getClass());
    }

    /** A route identity: {@code [-6 ]table T DST [from SRC] [tos T] metric M}. */
    public static String key(Route.Key key) {
        StringBuilder out = new StringBuilder(64);
        if (key.family() == Family.INET6) out.append("-6 ");
        out.append("table ").append(key.table()).append(' ').append(destination(key.dst().toString(), key.dst().length()));
        if (key.from() != null) out.append(" from ").append(key.from());
        if (key.tos() != 0) out.append(" tos 0x").append(hex2(key.tos()));
        return out.append(" metric ").append(key.metric()).toString();
    }

    private static String destination(String prefix, int length) {
        return length == 0 ? "default" : prefix;
    }

    private static String hex2(int v) {
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }
}
