package io.routesync.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Expectation;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.Probe;
import io.routesync.model.Entry;
import io.routesync.model.HostPlan;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plan file back, refusing with a reason anything {@code apply} must not run: a file that is
 * not a routesync plan, one of another format version or made by another routesync version (whose
 * batches may mean something else), and one whose content no longer matches its digest (edited or
 * damaged). The checks run in that order, so the message names the first thing wrong.
 */
public final class PlanFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanFileReader() {
    }

    /**
     * @param routesyncVersion the running routesync's version: a plan from another one is refused
     */
    public static SavedPlan read(String text, String routesyncVersion) throws PlanFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PlanFileException("this is not a routesync plan file: it is not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !SavedPlan.FORMAT.equals(root.path("format").asText(null))) {
            throw new PlanFileException("this is not a routesync plan file (no \"format\": \"" + SavedPlan.FORMAT + "\")");
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != SavedPlan.FORMAT_VERSION) {
            throw new PlanFileException("the plan file has format version " + (version == null ? "(none)" : version)
                    + ", this routesync reads only version " + SavedPlan.FORMAT_VERSION + "; make a new plan with this routesync");
        }
        JsonNode body = root.get("plan");
        if (body == null || !body.isObject()) throw new PlanFileException("the plan file has no \"plan\" object");
        String expected = root.path("sha256").asText("");
        String actual = PlanDigest.of(body);
        if (!actual.equals(expected)) {
            throw new PlanFileException("the plan file was changed after it was written: its content no longer matches its"
                    + " sha256 (" + (expected.isEmpty() ? "none" : abbreviate(expected)) + ", content gives " + abbreviate(actual)
                    + "). Nothing was applied; make a new plan instead of editing one.");
        }
        String madeBy = EntryJson.text(body, "routesync_version", "plan");
        if (!madeBy.equals(routesyncVersion)) {
            throw new PlanFileException("the plan was made by routesync " + madeBy + " and this is routesync " + routesyncVersion
                    + "; make a new plan with this version");
        }
        JsonNode inputs = body.path("inputs");
        List<SavedHost> hosts = new ArrayList<>();
        JsonNode hostNodes = body.get("hosts");
        if (hostNodes == null || !hostNodes.isArray() || hostNodes.isEmpty()) throw new PlanFileException("the plan has no hosts");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < hostNodes.size(); i++) {
            SavedHost h = host(hostNodes.get(i), "hosts[" + i + "]");
            if (!names.add(h.name())) throw new PlanFileException("the plan names host '" + h.name() + "' twice");
            hosts.add(h);
        }
        return new SavedPlan(madeBy, body.path("created").asText(null), inputs.path("digest").asText(null),
                inputs.path("commit").asText(null), hosts);
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }

    private static SavedHost host(JsonNode n, String where) throws PlanFileException {
        String name = EntryJson.text(n, "name", where);
        where = where + " (" + name + ")";
        SavedTarget target = target(n.path("target"), where + ".target");
        int tag = (int) EntryJson.number(n, "protocol_tag", where);
        String fingerprint = EntryJson.text(n, "fingerprint", where);
        DesiredState desired = desired(n.path("desired"), where + ".desired");
        List<Change> changes = new ArrayList<>();
        JsonNode list = n.path("changes");
        for (int i = 0; i < list.size(); i++) changes.add(EntryJson.readChange(list.get(i), where + ".changes[" + i + "]"));
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < n.path("probes").size(); i++) probes.add(ProbeJson.read(n.path("probes").get(i), where + ".probes[" + i + "]"));
        List<Expectation> expectations = new ArrayList<>();
        Names names = Names.builtin().withTables(tables(desired));
        for (int i = 0; i < n.path("expect").size(); i++) {
            expectations.add(ExpectJson.read(n.path("expect").get(i), where + ".expect[" + i + "]", names));
        }
        List<Expectation> routeProbes = new ArrayList<>();
        for (int i = 0; i < n.path("route_probes").size(); i++) {
            routeProbes.add(ExpectJson.read(n.path("route_probes").get(i), where + ".route_probes[" + i + "]", names));
        }
        try {
            return new SavedHost(name, target, tag, n.path("reading_digest").asText(null), desired,
                    new HostPlan(changes, fingerprint, HostPlan.namesFile(target.netns())), probes, expectations, routeProbes);
        } catch (IllegalArgumentException e) {
            throw new PlanFileException(where + ": " + e.getMessage(), e);
        }
    }

    /** The saved desired state's table names, to name an expectation's table in messages as its state file did. */
    private static Map<String, TableId> tables(DesiredState desired) {
        Map<String, TableId> tables = new HashMap<>();
        for (TableName t : desired.tableNames()) tables.put(t.name(), t.id());
        return tables;
    }

    private static SavedTarget target(JsonNode n, String where) throws PlanFileException {
        String kind = EntryJson.text(n, "kind", where);
        String etc = EntryJson.text(n, "etc_dir", where);
        String state = EntryJson.text(n, "state_dir", where);
        String lock = EntryJson.text(n, "lock_file", where);
        try {
            switch (kind) {
                case "local":
                    return SavedTarget.local(etc, state, lock);
                case "netns":
                    return SavedTarget.netns(EntryJson.text(n, "netns", where), etc, state, lock);
                case "ssh":
                    List<String> extra = new ArrayList<>();
                    for (JsonNode a : n.path("extra_args")) extra.add(a.asText());
                    return SavedTarget.ssh(EntryJson.text(n, "host", where), (int) EntryJson.number(n, "port", where),
                            n.path("user").asText(""), n.path("identity_file").asText(""), extra, etc, state, lock);
                default:
                    throw new PlanFileException(where + ": unknown target kind '" + kind + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new PlanFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static DesiredState desired(JsonNode n, String where) throws PlanFileException {
        List<TableName> names = new ArrayList<>();
        for (int i = 0; i < n.path("table_names").size(); i++) {
            names.add(as(TableName.class, EntryJson.readEntry(n.path("table_names").get(i), where + ".table_names[" + i + "]"), where));
        }
        Set<TableId> owned = new HashSet<>();
        for (JsonNode t : n.path("owned_tables")) {
            try {
                if (!t.isIntegralNumber()) throw new IllegalArgumentException("'" + t + "' is not a table id");
                owned.add(TableId.of(t.asLong()));
            } catch (IllegalArgumentException e) {
                throw new PlanFileException(where + ".owned_tables: " + e.getMessage(), e);
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < n.path("rules").size(); i++) {
            rules.add(as(Rule.class, EntryJson.readEntry(n.path("rules").get(i), where + ".rules[" + i + "]"), where));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < n.path("routes").size(); i++) {
            routes.add(as(Route.class, EntryJson.readEntry(n.path("routes").get(i), where + ".routes[" + i + "]"), where));
        }
        return new DesiredState(names, owned, rules, routes);
    }

    private static <T extends Entry> T as(Class<T> kind, Entry e, String where) throws PlanFileException {
        if (!kind.isInstance(e)) throw new PlanFileException(where + ": expected a " + kind.getSimpleName() + " entry");
        return kind.cast(e);
    }
}
