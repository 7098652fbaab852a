package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.iproute2.IpSyntax;
import io.routesync.model.Interface;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entries an export should make the other tool install, one line per entry ({@code IFACE route
 * ARGS}), to compare with what the tool's own output reads back as: the exported entries on their
 * interface, a path without a device on that interface (networkd installs every path on its link), a
 * route's protocol as the format carries it, a rule's protocol set aside (networkd tags rules static).
 */
final class Installed {
    private Installed() {
    }

    /** What {@code groups} should install; {@code routeProtocol} -1 keeps each route's own. */
    static List<String> expected(InterfaceGroups groups, int routeProtocol) {
        List<String> lines = new ArrayList<>();
        for (Interface at : groups.interfaces()) {
            for (Route r : groups.routes(at)) {
                Route installed = onLink(r, at);
                lines.add(route(at.name(), routeProtocol == -1 ? installed : installed.withProtocol(routeProtocol)));
            }
            for (Rule r : groups.rules(at)) lines.add(rule(at.name(), r));
        }
        return lines;
    }

    /** The route as networkd installs it under {@code at}: every path without a device gets that link. */
    static Route onLink(Route r, Interface at) {
        List<NextHop> hops = new ArrayList<>();
        for (NextHop h : r.nexthops()) hops.add(h.dev() != null ? h : new NextHop(h.via(), at, h.weight(), h.onlink()));
        return r.toBuilder().nexthops(hops).build();
    }

    static List<String> of(NetworkdReadBack.Read read) {
        List<String> lines = new ArrayList<>();
        for (Route r : read.routes()) lines.add(route(read.link(), r));
        for (Rule r : read.rules()) lines.add(rule(read.link(), r));
        return lines;
    }

    static String route(String link, Route r) {
        return link + " route " + r.family() + " " + IpSyntax.routeArgs(r, null, true);
    }

    static String rule(String link, Rule r) {
        return link + " rule " + r.family() + " " + IpSyntax.ruleArgs(r.identity(), null);
    }

    /** Every entry of the state is either read back from the tool's files or refused: none is lost. */
    static void assertNoneLost(String fixture, ExportInput in, Exported exported, int readBack) {
        int all = in.state().rules().size() + in.state().routes().size();
        assertEquals(all, readBack + exported.refused().size(), fixture + ": read back " + readBack + ", refused "
                + exported.refused().size() + ", of " + all + " entries");
        for (Refusal r : exported.refused()) assertEquals(false, r.reasons().isEmpty(), r.entry());
    }

    static int count(Map<?, ? extends List<?>> byInterface) {
        return byInterface.values().stream().mapToInt(List::size).sum();
    }
}
