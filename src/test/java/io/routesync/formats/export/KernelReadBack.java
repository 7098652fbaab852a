package io.routesync.formats.export;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.Netns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a namespace's kernel holds after another tool installed an export, and what it should hold:
 * sorted lines, one per rule or route (kernel routes left out), a rule's protocol set aside unless
 * asked for; and the addresses the links need so the exported gateways and sources exist.
 */
final class KernelReadBack {
    private static final Names NAMES = Names.builtin();

    private KernelReadBack() {
    }

    /** Fails with what is missing and what is extra when the two sorted lists differ. */
    static void assertSame(List<String> expected, List<String> installed, String context) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(installed);
        List<String> extra = new ArrayList<>(installed);
        extra.removeAll(expected);
        org.junit.jupiter.api.Assertions.assertEquals(expected, installed,
                context + "\nmissing: " + String.join("\n  ", missing) + "\nextra: " + String.join("\n  ", extra));
    }

    /**
     * A path that leaves its device to the kernel gets the device the kernel chose, from the installed
     * route with the same identity (docs/route-identity.md); the rest as {@link #expected}.
     */
    static List<String> expectedChosen(InterfaceGroups groups, Netns ns) throws Exception {
        Map<Route.Key, Route> seen = new java.util.HashMap<>();
        for (Family family : Family.values()) {
            String flag = family == Family.INET6 ? "-6" : "-4";
            for (Route r : RouteGrammar.parseShow(ns.ip(flag, "route", "show", "table", "all"), family, TableId.MAIN, NAMES, "ip route")) {
                seen.put(r.key(), r);
            }
        }
        TreeSet<String> lines = new TreeSet<>();
        for (Interface at : groups.interfaces()) {
            for (Route r : groups.routes(at)) {
                Route o = seen.get(r.key());
                lines.add(route(o == null ? r : r.withDevicesFrom(o)));
            }
            for (Rule r : groups.rules(at)) lines.add(rule(r, true));
        }
        return List.copyOf(lines);
    }

    static List<String> installed(Netns ns, boolean ruleProtocol) throws Exception {
        TreeSet<String> lines = new TreeSet<>();
        for (Family family : Family.values()) {
            String flag = family == Family.INET6 ? "-6" : "-4";
            // networkd 252 sends table main with a Type= rule too ("lookup main blackhole"): read as it is
            String rules = ns.ip(flag, "rule", "show");
            for (Rule r : RuleGrammar.parseShowOutput(rules, family, NAMES, "ip rule show")) {
                if (!r.isDefaultRule()) lines.add(rule(r, ruleProtocol));
            }
            String routes = ns.ip(flag, "route", "show", "table", "all");
            for (Route r : RouteGrammar.parseShow(routes, family, TableId.MAIN, NAMES, "ip route show table all")) {
                if (r.protocol() != Route.PROTOCOL_KERNEL) lines.add(route(r));
            }
        }
        return List.copyOf(lines);
    }

    /** {@code routeProtocol} -1 keeps each route's own. */
    static List<String> expected(InterfaceGroups groups, boolean ruleProtocol, int routeProtocol) {
        TreeSet<String> lines = new TreeSet<>();
        for (Interface at : groups.interfaces()) {
            for (Route r : groups.routes(at)) {
                Route installed = Installed.onLink(r, at);
                lines.add(route(routeProtocol == -1 ? installed : installed.withProtocol(routeProtocol)));
            }
            for (Rule r : groups.rules(at)) lines.add(rule(r, ruleProtocol));
        }
        return List.copyOf(lines);
    }

    private static String route(Route r) {
        return "route " + r.family() + " " + IpSyntax.routeArgs(r, null, true);
    }

    private static String rule(Rule r, boolean protocol) {
        return "rule " + r.family() + " " + IpSyntax.ruleArgs(protocol ? r : r.identity(), null);
    }

    /** Per device (a route's own, a path's, or the interface it is written under): the addresses its gateways and sources need. */
    static Map<Interface, TreeSet<String>> addresses(InterfaceGroups groups) {
        Map<Interface, TreeSet<String>> addresses = new java.util.TreeMap<>();
        for (Interface at : groups.interfaces()) {
            addresses.computeIfAbsent(at, i -> new TreeSet<>());
            for (Route r : groups.routes(at)) {
                for (NextHop h : r.nexthops()) {
                    Interface dev = h.dev() != null ? h.dev() : at;
                    TreeSet<String> mine = addresses.computeIfAbsent(dev, i -> new TreeSet<>());
                    if (h.via() == null || h.onlink() || h.via().toString().startsWith("fe80:")) continue;
                    mine.add(beside(h.via()));
                }
                if (r.prefsrc() != null) addresses.get(at).add(r.prefsrc() + (r.family() == Family.INET ? "/32" : "/128"));
            }
        }
        return addresses;
    }

    /** An address of the gateway's subnet (/24, /64) that is not the gateway. */
    private static String beside(IpAddress gateway) {
        if (gateway.family() == Family.INET) {
            String g = gateway.toString();
            String net = g.substring(0, g.lastIndexOf('.') + 1);
            return net + (g.endsWith(".250") ? "251" : "250") + "/24";
        }
        Prefix net = new Prefix(gateway.masked(64), 64);
        return net.address().toString().replace("::", "::abcd") + "/64";
    }
}
