package io.routesync.render;

import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.parse.Names;

/**
 * Writes rules and routes in iproute2's input syntax, the inverse of the grammars in
 * {@code io.routesync.parse}: {@code parse(render(x)).equals(x)}. (API stub.)
 */
public final class IpSyntax {
    private IpSyntax() {
    }

    /**
     * The arguments after {@code ip rule add}/{@code ip rule del}: every attribute the rule has, the
     * priority first, the protocol last. With {@code names} null everything is numeric (batch lines);
     * otherwise tables and protocols are named where a name is known (human output).
     */
    public static String ruleArgs(Rule rule, Names names) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * The arguments after {@code ip route add|replace|del}, fully specified (type, dst, from, tos,
     * nexthops, table, proto, scope, src, metric, metrics, pref) so a delete matches only this route.
     * {@code withTable} false leaves out {@code table T} (for YAML shorthand under a table key).
     */
    public static String routeArgs(Route route, Names names, boolean withTable) {
        throw new UnsupportedOperationException("stub");
    }
}
