package io.routesync.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Map;

/** {@code routesync show --format json}: one document with every rule and route as {@code ip} arguments and its mark. */
public final class ShowJsonView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ShowJsonView() {
    }

    public static String render(String host, List<Rule> rules, Map<TableId, List<Route>> routes, Names names, Ownership ownership) {
        PolicyDot.Marks marks = PolicyDot.Marks.of(ownership);
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1");
        root.put("host", host);
        ArrayNode ruleArray = root.putArray("rules");
        for (Rule r : rules) {
            ObjectNode n = ruleArray.addObject();
            n.put("family", r.family().keyword());
            n.put("rule", IpSyntax.ruleArgs(r, names));
            n.put("ownership", marks.rule(r));
        }
        ObjectNode tables = root.putObject("routes");
        routes.forEach((table, list) -> {
            ArrayNode a = tables.putArray(Long.toString(table.id()));
            for (Route r : list) {
                ObjectNode n = a.addObject();
                n.put("family", r.family().keyword());
                n.put("route", IpSyntax.routeArgs(r, names, false));
                n.put("ownership", marks.route(r));
            }
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
