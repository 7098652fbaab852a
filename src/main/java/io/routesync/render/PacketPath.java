package io.routesync.render;

import static io.routesync.render.DotGraph.quote;
import static io.routesync.render.DotStyle.outcome;

import io.routesync.lookup.LookupResult;
import io.routesync.lookup.Step;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One packet's path drawn over a {@link PolicyDrawing}'s nodes, in its colour. */
final class PacketPath {
    private PacketPath() {
    }

    /** The packet's way: a packet node, every rule that matched (with why the lookup went on), then the result. */
    static void draw(DotGraph g, PolicyDrawing.Highlight h, Map<Rule, String> ruleIds, Map<TableId, String> tableIds,
            Map<Route, String> routeIds, Map<IpAddress, String> gateways, Map<Interface, String> devices) {
        LookupResult path = h.result();
        String c = h.colour();
        if (!g.has("packet")) {
            g.node("packet", "shape=cds, style=filled, fillcolor=\"#dfe7ff\", color=\"" + c + "\", penwidth=2", "packet",
                    path.query().toString());
        }
        String last = "packet";
        String why = "";
        for (Step s : path.matchedSteps()) {
            String rid = ruleIds.get(s.rule());
            if (rid == null) continue;
            g.pathNode(rid, c);
            g.pathEdge(last, rid, c, "constraint=false" + (why.isEmpty() ? "" : ", label=" + quote(why)));
            last = rid;
            why = outcome(s.outcome());
            if (s.table() != null && tableIds.containsKey(s.table())) {
                g.pathNode(tableIds.get(s.table()), c);
                g.pathEdge(rid, tableIds.get(s.table()), c, s.outcome() == Step.Outcome.DECIDED ? "" : "style=dashed");
            }
        }
        String end = last;
        Route r = path.route();
        if (r != null && routeIds.containsKey(r)) {
            String rid = routeIds.get(r);
            g.pathNode(rid, c);
            g.pathEdge(tableIds.get(r.table()), rid, c, "");
            end = rid;
            for (NextHop hop : path.paths()) {
                String to = hop.via() != null ? gateways.get(hop.via()) : devices.get(hop.dev());
                if (to == null) continue;
                g.pathNode(to, c);
                g.pathEdge(rid, to, c, "");
                end = to;
                if (hop.via() != null && hop.dev() != null && devices.containsKey(hop.dev())) {
                    g.pathNode(devices.get(hop.dev()), c);
                    g.pathEdge(to, devices.get(hop.dev()), c, "");
                    end = devices.get(hop.dev());
                }
            }
        }
        String verdict = path.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        List<String> label = new ArrayList<>(List.of(h.caption() + "result: " + verdict));
        if (path.error() != null) label.add(path.error());
        else if (path.dev() != null) label.add("out of " + path.dev().name());
        if (path.uncertainty() != null) label.add(path.uncertainty());
        String result = "result" + h.suffix();
        g.node(result, "shape=doubleoctagon, color=\"" + c + "\", penwidth=2", label.toArray(new String[0]));
        g.pathEdge(end, result, c, "");
    }
}
