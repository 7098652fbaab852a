package io.routesync.plan;

import io.routesync.model.Change;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Table names and the protocol tag against the host's name files. routesync owns the target's own
 * file ({@code rt_tables.d/routesync.conf}, {@code routesync-netns-NAME.conf} for a namespace)
 * entirely, so its names are a plain set difference; a name or the tag number that another file (or
 * iproute2's built-ins) binds differently is a conflict, because the first binding wins in iproute2 and
 * routesync's would silently mean something else. The files of other routesync targets sharing the
 * iproute2 directory (the host and its namespaces) are read by the same {@code ip}: a name they bind
 * to another id is a conflict too, but a name they bind to the same id is still written to this
 * target's own file, so that no target depends on another's.
 */
final class TableNameDiff {
    /** iproute2's built-in table names (lib/rt_names.c), loaded before any file. */
    private static final Map<String, TableId> BUILTIN_TABLES = Map.of(
            "default", TableId.DEFAULT, "main", TableId.MAIN, "local", TableId.LOCAL);
    /** iproute2's built-in protocol numbers (seen with iproute2 6.1); 0-3 also mean something to the kernel. */
    private static final Map<Integer, String> BUILTIN_PROTOCOLS = Map.ofEntries(
            Map.entry(0, "unspec"), Map.entry(1, "redirect"), Map.entry(2, "kernel"), Map.entry(3, "boot"),
            Map.entry(4, "static"), Map.entry(8, "gated"), Map.entry(9, "ra"), Map.entry(10, "mrt"),
            Map.entry(11, "zebra"), Map.entry(12, "bird"), Map.entry(13, "dnrouted"), Map.entry(14, "xorp"),
            Map.entry(15, "ntk"), Map.entry(16, "dhcp"), Map.entry(18, "keepalived"), Map.entry(42, "babel"),
            Map.entry(99, "openr"), Map.entry(186, "bgp"), Map.entry(187, "isis"), Map.entry(188, "ospf"),
            Map.entry(189, "rip"), Map.entry(192, "eigrp"));

    private TableNameDiff() {
    }

    /**
     * The name changes, unordered; contradictions go to {@code conflicts}. A declared name that another
     * rt_tables file already binds to the same id needs no line in routesync's file (so a state made by
     * {@code import} from a host's own names plans empty there).
     */
    static List<Change> diff(List<TableName> desired, List<TableName> managed, List<TableName> elsewhere,
            List<String> conflicts) {
        Set<TableName> wanted = distinct(desired, conflicts);
        wanted.removeAll(new TreeSet<>(elsewhere));
        Set<TableName> have = new TreeSet<>(managed);
        List<Change> changes = new ArrayList<>();
        for (TableName n : wanted) {
            if (!have.contains(n)) changes.add(Change.add(n));
        }
        for (TableName n : have) {
            if (!wanted.contains(n)) changes.add(Change.delete(n));
        }
        return changes;
    }

    private static Set<TableName> distinct(List<TableName> desired, List<String> conflicts) {
        Set<TableName> wanted = new TreeSet<>(desired);
        Map<String, TableName> byName = new HashMap<>();
        Map<TableId, TableName> byId = new HashMap<>();
        for (TableName n : wanted) {
            TableName other = byName.putIfAbsent(n.name(), n);
            if (other != null) {
                conflicts.add("the table name '" + n.name() + "' is declared for tables " + other.id() + " and " + n.id()
                        + "; a name names one table");
            }
            other = byId.putIfAbsent(n.id(), n);
            if (other != null) {
                conflicts.add("table " + n.id() + " is declared as both '" + other.name() + "' and '" + n.name()
                        + "'; iproute2 would only show the first");
            }
        }
        return wanted;
    }

    /** Declared names that iproute2's built-ins or another rt_tables file bind to another id. */
    static void checkNames(List<TableName> desired, List<TableName> elsewhere, List<String> conflicts) {
        Map<String, TableId> bound = new HashMap<>(BUILTIN_TABLES);
        for (TableName n : elsewhere) bound.putIfAbsent(n.name(), n.id());
        for (TableName n : new TreeSet<>(desired)) {
            TableId id = bound.get(n.name());
            if (id != null && !id.equals(n.id())) {
                conflicts.add("the table name '" + n.name() + "' is declared for table " + n.id()
                        + " but the host already binds it to table " + id + " (" + where(n.name()) + ")"
                        + "; choose another name, or use table " + id);
            }
        }
    }

    /** Declared names that another routesync target's file binds to another id. */
    static void checkSiblings(List<TableName> desired, Map<String, List<TableName>> siblings, List<String> conflicts) {
        for (TableName n : new TreeSet<>(desired)) {
            for (Map.Entry<String, List<TableName>> file : new TreeMap<>(siblings).entrySet()) {
                for (TableName s : file.getValue()) {
                    if (s.name().equals(n.name()) && !s.id().equals(n.id())) {
                        conflicts.add("the table name '" + n.name() + "' is declared for table " + n.id() + " but "
                                + file.getKey() + " (routesync's names for " + owner(file.getKey()) + ") binds it to table "
                                + s.id() + "; every target sharing this iproute2 directory sees both, so 'ip' would resolve '"
                                + n.name() + "' to one of them: use one id for the name everywhere, or another name");
                    }
                }
            }
        }
    }

    /** The target a routesync name file belongs to: {@code routesync-netns-NAME.conf} is netns NAME's, else the host's. */
    static String owner(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (file.startsWith("routesync-netns-") && file.endsWith(".conf")) {
            return "netns " + file.substring("routesync-netns-".length(), file.length() - ".conf".length());
        }
        return "the host";
    }

    /** The tag number must mean routesync to iproute2, and the name routesync must mean the tag. */
    static void checkProtocol(Ownership ownership, Map<Integer, String> elsewhere, List<String> conflicts) {
        int tag = ownership.protocolTag();
        String builtin = BUILTIN_PROTOCOLS.get(tag);
        String other = elsewhere.get(tag);
        if (builtin != null) {
            conflicts.add("the protocol tag " + tag + " is iproute2's built-in protocol '" + builtin
                    + "'; routesync would take routes of that protocol for its own. Choose a free number such as "
                    + Ownership.DEFAULT_PROTOCOL_TAG);
        } else if (other != null && !other.equals(Ownership.PROTOCOL_NAME)) {
            conflicts.add("the protocol tag " + tag + " is already named '" + other
                    + "' in another rt_protos file; choose a free number for routesync");
        }
        new TreeSet<>(elsewhere.keySet()).forEach(number -> {
            if (number != tag && Ownership.PROTOCOL_NAME.equals(elsewhere.get(number))) {
                conflicts.add("the protocol name '" + Ownership.PROTOCOL_NAME + "' is bound to " + number
                        + " in another rt_protos file, but the tag is " + tag + "; remove that binding or use tag " + number);
            }
        });
    }

    private static String where(String name) {
        return BUILTIN_TABLES.containsKey(name) ? "an iproute2 built-in" : "another rt_tables file";
    }
}
