package io.routesync.iproute2;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;

/**
 * One change as the iproute2 command that performs it. The batch executor uses the bare form
 * ({@code route replace ...}, numeric); the human and JSON plans the full form
 * ({@code ip -6 route replace ...}, with names). Table names are not {@code ip} commands: they are
 * lines of routesync's rt_tables.d file.
 */
public final class ChangeSyntax {
    private ChangeSyntax() {
    }

    /** {@code route add ...} / {@code rule del ...} as a line of {@code ip -batch}; null for table names. */
    public static String batchLine(Change change) {
        return body(change, null);
    }

    /**
     * {@link #batchLine} and a line end appended to {@code lines} (empty or ending in a line end), without a
     * string per line; false, with nothing appended, for table names.
     */
    public static boolean appendBatchLine(StringBuilder lines, Change change) {
        String verb = change.action() == Action.DELETE ? "del" : change.action().word();
        if (change.entry() instanceof Route) {
            lines.append("route ").append(verb).append(' ');
            IpSyntax.appendRouteArgs(lines, (Route) change.entry(), null, true);
        } else if (change.entry() instanceof Rule) {
            lines.append(body(change, null));
        } else {
            return false;
        }
        lines.append('\n');
        return true;
    }

    /**
     * The command a user would type: {@code ip [-6] rule add ...}, or for a table name its line and the
     * target's own name file ({@code namesFile}, see {@link io.routesync.model.HostPlan#namesFile()}).
     */
    public static String command(Change change, Names names, String namesFile) {
        if (change.entry() instanceof TableName) {
            TableName t = (TableName) change.entry();
            return "table " + t.name() + " = " + t.id().id() + " (" + namesFile + ")";
        }
        Family family = family(change);
        return (family == Family.INET6 ? "ip -6 " : "ip ") + body(change, names);
    }

    /** The previous form of a replaced route, in the same style as {@link #command}. */
    public static String previous(Change change, Names names) {
        if (change.previous() == null) return null;
        Route route = (Route) change.previous();
        return IpSyntax.routeArgs(route, names, true);
    }

    public static Family family(Change change) {
        if (change.entry() instanceof Rule) return ((Rule) change.entry()).family();
        if (change.entry() instanceof Route) return ((Route) change.entry()).family();
        return null;
    }

    private static String body(Change change, Names names) {
        String verb = change.action() == Action.DELETE ? "del" : change.action().word();
        if (change.entry() instanceof Rule) return "rule " + verb + " " + IpSyntax.ruleArgs((Rule) change.entry(), names);
        if (change.entry() instanceof Route) {
            return "route " + verb + " " + IpSyntax.routeArgs((Route) change.entry(), names, true);
        }
        if (change.entry() instanceof TableName) return null;
        throw new AssertionError(change.entry());
    }
}
