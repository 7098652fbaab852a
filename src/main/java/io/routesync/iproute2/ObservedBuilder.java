package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Interprets the sections of a read ({@link Reading}) as an {@link Observed} state. Anything that is
 * not what routesync's read script produces on a real iproute2 host is an {@link OutputException}
 * naming the host, the command and the line: never a silently smaller state.
 */
public final class ObservedBuilder {
    /** The host's routesync name files, relative to the iproute2 directory (a namespace's: routesync-netns-NAME.conf). */
    public static final String MANAGED_TABLES = "rt_tables.d/routesync.conf";
    public static final String MANAGED_PROTOCOLS = "rt_protos.d/routesync.conf";

    private final String host;
    private final Reading reading;
    /** The route sections parsed while the output came ({@link RouteFeed}), or null. */
    private final RouteFeed fed;

    private ObservedBuilder(String host, Reading reading, RouteFeed fed) {
        this.host = host;
        this.reading = reading;
        this.fed = fed;
    }

    /** Builds the observed state of {@code host} (named in errors) from one read. */
    public static HostReading build(String host, Reading reading) throws OutputException {
        return build(host, reading, null);
    }

    /** {@link #build(String, Reading)}, with the routes of the sections {@code fed} parsed already (null: none). */
    public static HostReading build(String host, Reading reading, RouteFeed fed) throws OutputException {
        return new ObservedBuilder(host, reading, fed).build();
    }

    private HostReading build() throws OutputException {
        checkVersion();
        List<TableName> managedTables = new ArrayList<>();
        List<TableName> otherTables = new ArrayList<>();
        Map<Integer, String> managedProtocols = new HashMap<>();
        Map<Integer, String> otherProtocols = new HashMap<>();
        Map<String, List<TableName>> siblingTables = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        Names names = Names.builtin();
        // the script names the target's own files; a reading without that note is the host's
        String[] own = reading.note("names") == null ? new String[0] : reading.note("names").split(" ");
        for (Reading.FileSection f : reading.files()) {
            String source = host + ": " + f.path();
            if (isTablesFile(f.path())) {
                List<RtTablesParser.Entry> entries = entries(source, f, RtTablesParser.MAX_TABLE_ID, warnings);
                names = names.withTableEntries(entries);
                boolean managed = own.length == 2 ? f.path().equals(own[0]) : f.path().endsWith("/" + MANAGED_TABLES);
                boolean sibling = !managed && isRoutesyncFile(f.path());
                for (RtTablesParser.Entry e : entries) {
                    TableName name = tableName(e);
                    if (name == null) continue;
                    if (managed) managedTables.add(name);
                    else if (sibling) siblingTables.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(name);
                    else otherTables.add(name);
                }
            } else {
                List<RtTablesParser.Entry> entries = entries(source, f, RtTablesParser.MAX_PROTOCOL, warnings);
                names = names.withProtocolEntries(entries);
                boolean managed = own.length == 2 ? f.path().equals(own[1]) : f.path().endsWith("/" + MANAGED_PROTOCOLS);
                for (RtTablesParser.Entry e : entries) (managed ? managedProtocols : otherProtocols).putIfAbsent((int) e.id(), e.name());
            }
        }
        List<Rule> rules = new ArrayList<>();
        rules.addAll(rules(Family.INET));
        rules.addAll(rules(Family.INET6));
        List<Route> routes = new ArrayList<>();
        Set<TableId> tablesRead = new LinkedHashSet<>();
        for (Reading.CommandSection c : reading.commands()) {
            if (c.words().size() != 3 || !c.words().get(0).equals("route")) continue;
            Family family = family(c.words().get(1));
            TableId table = TableId.of(Long.parseLong(c.words().get(2)));
            tablesRead.add(table);
            routes.addAll(routes(c, family, table));
        }
        if (reading.digest() == null) throw incomplete("the read ended early (no digest)");
        Observed observed = new Observed(rules, routes, tablesRead, managedTables, otherTables, otherProtocols, siblingTables);
        return new HostReading(observed, names, managedProtocols, reading.digest(), warnings, keptDigest(reading));
    }

    /** The "kept HEX" the script read from STATE_DIR/desired.digest: a file's content, so only a digest counts. */
    static String keptDigest(Reading reading) {
        String kept = reading.note("kept");
        return kept != null && kept.matches("[0-9a-f]{64}") ? kept : null;
    }

    private void checkVersion() throws OutputException {
        if (reading.note("fatal") != null) {
            String why = reading.note("fatal");
            if (why.equals("no-ip")) throw incomplete("there is no 'ip' command (install iproute2)");
            throw incomplete("the read script failed (" + why + ")");
        }
        Reading.CommandSection version = reading.command("version");
        if (version == null) throw incomplete("the read ended early (no version)");
        if (!version.output().contains("iproute2")) {
            // BusyBox ip lacks -batch, -N, -d, rule protocols and most selectors: a plan from its
            // output would be wrong, so refuse it plainly
            throw new OutputException(host + ": ip -V", 1, version.output().strip(),
                    "this 'ip' is not iproute2 (BusyBox?); routesync needs iproute2 4.17 or later");
        }
    }

    private List<Rule> rules(Family family) throws OutputException {
        String f = family == Family.INET ? "4" : "6";
        Reading.CommandSection c = reading.command("rule", f);
        if (c == null) throw incomplete("the read ended early (no rules)");
        String command = host + ": ip -d -N -" + f + " rule show";
        if (c.exitCode() != 0) {
            if (family == Family.INET6 && c.output().contains("Address family not supported")) return List.of();
            throw new OutputException(command, 1, c.output().strip(), "the command failed (exit " + c.exitCode() + ")");
        }
        return RuleGrammar.parseShowOutput(c.output(), family, Names.builtin(), command);
    }

    private List<Route> routes(Reading.CommandSection c, Family family, TableId table) throws OutputException {
        String command = host + ": ip -N " + family.flag() + " route list table " + table;
        if (c.exitCode() != 0) {
            // a table nothing was ever put in does not exist yet: it is empty, not an error
            if (c.output().contains("FIB table does not exist")) return List.of();
            if (family == Family.INET6 && c.output().contains("Address family not supported")) return List.of();
            throw new OutputException(command, 1, c.output().strip(), "the command failed (exit " + c.exitCode() + ")");
        }
        List<Route> ready = fed == null ? null : fed.routes(c);
        return ready != null ? ready : RouteGrammar.parseShow(c.output(), family, table, Names.builtin(), command);
    }

    private static boolean isTablesFile(String path) {
        return path.endsWith("/rt_tables") || path.contains("/rt_tables.d/");
    }

    /** A name file's entries as iproute2 reads them; where it stops reading, a warning. */
    private static List<RtTablesParser.Entry> entries(String source, Reading.FileSection f, long maxId, List<String> warnings)
            throws OutputException {
        RtTablesParser.NameFile file = RtTablesParser.read(source, f.content());
        if (file.corruptLine() > 0) {
            warnings.add(source + ":" + file.corruptLine() + ": iproute2 cannot read '" + file.corruptText().strip()
                    + "' and stops reading the file there, so the names after it mean nothing to 'ip' (nor to routesync)");
        }
        List<RtTablesParser.Entry> kept = new ArrayList<>();
        for (RtTablesParser.Entry e : file.entries()) {
            if (e.id() <= maxId) kept.add(e);
        }
        return kept;
    }

    /** A routesync name file of some target: rt_tables.d/routesync.conf or rt_tables.d/routesync-netns-NAME.conf. */
    private static boolean isRoutesyncFile(String path) {
        int slash = path.lastIndexOf('/');
        String file = path.substring(slash + 1);
        return path.substring(0, Math.max(slash, 0)).endsWith("/rt_tables.d")
                && (file.equals("routesync.conf") || (file.startsWith("routesync-netns-") && file.endsWith(".conf")));
    }

    private static TableName tableName(RtTablesParser.Entry e) {
        // "0 unspec" and ids iproute2 cannot name are in stock files; they bind nothing routesync manages
        if (e.id() < 1 || e.id() >= 0x8000_0000L) return null;
        try {
            return new TableName(e.name(), TableId.of(e.id()));
        } catch (IllegalArgumentException unusualName) {
            return null;
        }
    }

    private static Family family(String word) {
        return word.equals("6") ? Family.INET6 : Family.INET;
    }

    private OutputException incomplete(String why) {
        return new OutputException(host + ": routesync read", 0, "", why);
    }
}
