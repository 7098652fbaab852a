package io.routesync.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.Probe;

/**
 * A health probe in a plan file, in the words of a state file's {@code probes:}
 * ({@code {"ping": "192.168.2.1", "from": "192.168.2.10", "timeout": 5}}, {@code {"tcp": "10.0.0.5",
 * "port": 443, "timeout": 5}}), so {@code apply PLAN --confirm} runs the probes the plan was made with.
 */
final class ProbeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProbeJson() {
    }

    static ObjectNode write(Probe p) {
        ObjectNode n = NODES.objectNode();
        n.put(p.kind() == Probe.Kind.PING ? "ping" : "tcp", p.target().toString());
        if (p.kind() == Probe.Kind.TCP) n.put("port", p.port());
        if (p.from() != null) n.put("from", p.from().toString());
        if (p.dev() != null) n.put("dev", p.dev().name());
        n.put("timeout", p.seconds());
        return n;
    }

    static Probe read(JsonNode n, String where) throws PlanFileException {
        try {
            boolean ping = n.has("ping");
            Probe.Kind kind = ping ? Probe.Kind.PING : Probe.Kind.TCP;
            IpAddress target = IpAddress.parse(EntryJson.text(n, ping ? "ping" : "tcp", where));
            int port = ping ? 0 : (int) EntryJson.number(n, "port", where);
            IpAddress from = n.has("from") ? IpAddress.parse(EntryJson.text(n, "from", where)) : null;
            Interface dev = n.has("dev") ? Interface.of(EntryJson.text(n, "dev", where)) : null;
            return new Probe(kind, target, port, from, dev, (int) EntryJson.number(n, "timeout", where));
        } catch (IllegalArgumentException e) { // InvalidValueException too
            throw new PlanFileException(where + ": not a valid probe: " + e.getMessage(), e);
        }
    }
}
