package io.routesync.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.lookup.Expectation;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.Probe;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.TreeSet;

/**
 * Writes a {@link SavedPlan} as the plan file: {@code format}, {@code format_version}, the {@code plan}
 * itself, and {@code sha256}, its integrity digest ({@link PlanDigest}). Indented for people to read.
 */
public final class PlanFileWriter {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanFileWriter() {
    }

    public static String write(SavedPlan plan) {
        ObjectNode body = NODES.objectNode();
        body.put("routesync_version", plan.routesyncVersion());
        if (plan.created() != null) body.put("created", plan.created());
        ObjectNode inputs = body.putObject("inputs");
        if (plan.inputsDigest() != null) inputs.put("digest", plan.inputsDigest());
        if (plan.commit() != null) inputs.put("commit", plan.commit());
        ArrayNode hosts = body.putArray("hosts");
        for (SavedHost h : plan.hosts()) hosts.add(host(h));
        ObjectNode root = NODES.objectNode();
        root.put("format", SavedPlan.FORMAT);
        root.put("format_version", SavedPlan.FORMAT_VERSION);
        root.set("plan", body);
        root.put("sha256", PlanDigest.of(body));
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static ObjectNode host(SavedHost h) {
        ObjectNode n = NODES.objectNode();
        n.put("name", h.name());
        n.set("target", target(h.target()));
        n.put("protocol_tag", h.protocolTag());
        n.put("fingerprint", h.fingerprint());
        if (h.readingDigest() != null) n.put("reading_digest", h.readingDigest());
        n.set("desired", desired(h.desired()));
        // only when there are any: a plan without probes reads as it always has
        if (!h.probes().isEmpty()) {
            ArrayNode probes = n.putArray("probes");
            for (Probe p : h.probes()) probes.add(ProbeJson.write(p));
        }
        // likewise the expect: flows apply checks against the kernel after the batch
        if (!h.expectations().isEmpty()) {
            ArrayNode expect = n.putArray("expect");
            for (Expectation e : h.expectations()) expect.add(ExpectJson.write(e));
        }
        // and the route probes, flows with their outcome like expect:'s, answered before --confirm keeps the change
        if (!h.routeProbes().isEmpty()) {
            ArrayNode routes = n.putArray("route_probes");
            for (Expectation e : h.routeProbes()) routes.add(ExpectJson.write(e));
        }
        ObjectNode summary = n.putObject("summary");
        summary.put("add", h.plan().count(Action.ADD));
        summary.put("change", h.plan().count(Action.REPLACE));
        summary.put("delete", h.plan().count(Action.DELETE));
        ArrayNode changes = n.putArray("changes");
        for (Change c : h.plan().changes()) changes.add(EntryJson.change(c));
        return n;
    }

    private static ObjectNode target(SavedTarget t) {
        ObjectNode n = NODES.objectNode();
        n.put("kind", t.kind().word());
        if (!t.netns().isEmpty()) n.put("netns", t.netns());
        if (t.kind() == SavedTarget.Kind.SSH) {
            n.put("host", t.sshHost());
            n.put("port", t.sshPort());
            n.put("user", t.sshUser());
            n.put("identity_file", t.sshIdentityFile());
            ArrayNode extra = n.putArray("extra_args");
            t.sshExtraArgs().forEach(extra::add);
        }
        n.put("etc_dir", t.etcDir());
        n.put("state_dir", t.stateDir());
        n.put("lock_file", t.lockFile());
        return n;
    }

    private static ObjectNode desired(DesiredState d) {
        ObjectNode n = NODES.objectNode();
        ArrayNode names = n.putArray("table_names");
        for (TableName t : new TreeSet<>(d.tableNames())) names.add(EntryJson.entry(t));
        ArrayNode owned = n.putArray("owned_tables");
        for (TableId t : new TreeSet<>(d.ownedTables())) owned.add(t.id());
        ArrayNode rules = n.putArray("rules");
        for (Rule r : d.rules()) rules.add(EntryJson.entry(r));
        ArrayNode routes = n.putArray("routes");
        for (Route r : d.routes()) routes.add(EntryJson.entry(r));
        return n;
    }
}
