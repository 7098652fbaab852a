package io.routesync.formats;

import io.routesync.config.SourcePos;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One {@code ip} command (the words after {@code ip}, or a line of an {@code ip -batch} file) read into
 * {@link Entries}: options, the object and the verb as iproute2 6.1 matches them (abbreviations
 * included), then the route or rule words through the one grammar ({@link RouteGrammar}, {@link
 * RuleGrammar}). {@code table T} of a route is taken out first, since the grammar reads a route within a
 * table. Everything else is listed as not translated, with the reason.
 */
final class IpCommand {
    /** Options that change only what {@code ip} prints, not what an add does. */
    private static final Set<String> OUTPUT_OPTIONS = Set.of("-d", "-details", "-s", "-stats", "-statistics", "-N",
            "-numeric", "-j", "-json", "-p", "-pretty", "-c", "-color", "-br", "-brief", "-o", "-oneline", "-t", "-timestamp");
    private static final String VERBS = "add, replace or delete";

    private IpCommand() {
    }

    /** Reads {@code words} from index {@code from} on (what follows {@code ip}); {@code line} is where the command starts. */
    static void read(List<Word> words, int from, SourcePos line, Entries into, Entries.Phase phase) {
        Family family = null;
        int i = from;
        for (; i < words.size() && words.get(i).text().startsWith("-"); i++) {
            Word o = words.get(i);
            switch (o.text()) {
                case "-4": family = Family.INET; continue;
                case "-6": family = Family.INET6; continue;
                case "-f": case "-family": {
                    String f = i + 1 < words.size() ? words.get(++i).text() : "";
                    if (f.equals("inet") || f.equals("ipv4")) family = Family.INET;
                    else if (f.equals("inet6") || f.equals("ipv6")) family = Family.INET6;
                    else {
                        into.problem(o.pos(), "'ip " + o.text() + " " + f + "' is not an IPv4 or IPv6 command", "-4, -6 or -f inet|inet6");
                        return;
                    }
                    continue;
                }
                default:
                    if (OUTPUT_OPTIONS.contains(o.text())) continue;
                    into.problem(o.pos(), "option '" + o.text() + "' of ip is not read by routesync (-batch reads another file,"
                            + " -netns another namespace)", o.text().startsWith("-b") ? "import the batch file itself with --from script"
                            : "the command without it, or -4/-6");
                    return;
            }
        }
        if (i >= words.size()) {
            into.problem(line, "'ip' without an object", "ip route ... or ip rule ...");
            return;
        }
        Word object = words.get(i);
        String o = object.text();
        boolean route = !o.isEmpty() && "route".startsWith(o);
        boolean rule = o.length() >= 2 && "rule".startsWith(o);
        if (!route && !rule) {
            into.note(object.pos(), "'ip " + o + "' is not about rules or routes: routesync manages policy rules and routes only",
                    "configure it with the tool that owns links and addresses (it stays where it is)");
            return;
        }
        if (i + 1 >= words.size()) {
            into.problem(object.pos(), "'ip " + o + "' without a command", "ip " + o + " add ...");
            return;
        }
        Word verb = words.get(i + 1);
        List<Word> args = words.subList(i + 2, words.size());
        if (route) route(verb, args, family, into, phase);
        else rule(verb, args, family, into, phase);
    }

    private static void route(Word verb, List<Word> args, Family family, Entries into, Entries.Phase phase) {
        String v = verb.text();
        Entries.Verb what;
        if (!v.isEmpty() && "add".startsWith(v)) what = Entries.Verb.ADD;
        else if (!v.isEmpty() && "replace".startsWith(v)) what = Entries.Verb.REPLACE;
        else if (!v.isEmpty() && "delete".startsWith(v)) what = Entries.Verb.DELETE;
        else if (v.length() >= 2 && "flush".startsWith(v)) {
            into.flush(tableOf(args, into), verb.pos(), "ip route flush");
            return;
        } else if (isShow(v) || v.equals("get")) {
            return; // prints, changes nothing
        } else {
            into.problem(verb.pos(), "'ip route " + v + "' is not translated: routesync keeps one route per destination, table"
                    + " and metric, and reads " + VERBS, "ip route add or ip route replace");
            return;
        }
        TableId table = TableId.MAIN;
        List<Word> kept = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            Word w = args.get(k);
            if (RouteGrammar.isTableKeyword(w.text()) && k + 1 < args.size()) {
                table = table(args.get(++k), into);
                if (table == null) return;
            } else {
                kept.add(w);
            }
        }
        SourcePos at = verb.pos();
        if (what == Entries.Verb.DELETE) {
            Route r = parseRoute(kept, family, table, at, into, true);
            boolean anyMetric = kept.stream().noneMatch(w -> w.text().equals("metric") || w.text().startsWith("pri")
                    || w.text().equals("preference"));
            if (r != null) into.deleteRoute(r, anyMetric, at, phase);
            return;
        }
        Route r = route(kept, family, table, at, into);
        if (r != null) into.route(r, at, what, phase);
    }

    private static boolean isShow(String v) {
        return !v.isEmpty() && ("list".startsWith(v) || "show".startsWith(v) || v.equals("lst"));
    }

    private static TableId tableOf(List<Word> args, Entries into) {
        for (int k = 0; k + 1 < args.size(); k++) {
            if (RouteGrammar.isTableKeyword(args.get(k).text())) return table(args.get(k + 1), into);
        }
        return TableId.MAIN;
    }

    private static void rule(Word verb, List<Word> args, Family family, Entries into, Entries.Phase phase) {
        String v = verb.text();
        Entries.Verb what;
        if (!v.isEmpty() && "add".startsWith(v)) what = Entries.Verb.ADD;
        else if (!v.isEmpty() && "delete".startsWith(v)) what = Entries.Verb.DELETE;
        else if (isShow(v)) return;
        else if (v.length() >= 1 && "flush".startsWith(v)) {
            into.flush(null, verb.pos(), "ip rule flush");
            return;
        } else {
            into.problem(verb.pos(), "'ip rule " + v + "' is not translated; routesync reads ip rule add and ip rule delete",
                    "ip rule add ...");
            return;
        }
        Rule r = rule(args, family, verb.pos(), into);
        if (r != null) into.rule(r, verb.pos(), what, phase);
    }

    /** The route these words describe in {@code table}, or null after listing why not. */
    static Route route(List<Word> words, Family family, TableId table, SourcePos at, Entries into) {
        return parseRoute(words, family, table, at, into, false);
    }

    private static Route parseRoute(List<Word> words, Family family, TableId table, SourcePos at, Entries into, boolean delete) {
        try {
            return RouteGrammar.parseAdd(texts(words), family, table, into.names(), into.protocolTag());
        } catch (SyntaxException e) {
            if (delete) {
                // a delete may leave out the path ('ip route del 10.0.0.0/8'): only the identity matters
                try {
                    List<String> withPath = new ArrayList<>(texts(words));
                    withPath.addAll(List.of("dev", "lo"));
                    return RouteGrammar.parseAdd(withPath, family, table, into.names(), into.protocolTag());
                } catch (SyntaxException | InvalidValueException ignored) {
                    // the first error says what is wrong with the words as written
                }
            }
            report(e, words, at, into);
        } catch (InvalidValueException e) {
            into.problem(at, e.getMessage(), e.expected());
        }
        return null;
    }

    /** The rule these words describe (what follows {@code ip rule add}), or null after listing why not. */
    static Rule rule(List<Word> words, Family family, SourcePos at, Entries into) {
        try {
            return RuleGrammar.parseAdd(texts(words), family, into.names(), into.protocolTag());
        } catch (SyntaxException e) {
            report(e, words, at, into);
        } catch (InvalidValueException e) {
            into.problem(at, e.getMessage(), e.expected());
        }
        return null;
    }

    /** A table name from the rt_tables files, or a number; null after listing why not. */
    static TableId table(Word w, Entries into) {
        try {
            TableId id = into.names().table(w.text());
            if (id != null) return id;
        } catch (InvalidValueException e) {
            into.problem(w.pos(), e.getMessage(), e.expected());
            return null;
        }
        into.problem(w.pos(), "table '" + w.text() + "' is not named in the rt_tables files read",
                "give the directory with the rt_tables that names it (--etc-dir DIR), or use the table's number");
        return null;
    }

    private static void report(SyntaxException e, List<Word> words, SourcePos at, Entries into) {
        int i = e.token();
        if (i < 0 || words.isEmpty()) {
            into.problem(at, e.getMessage(), e.expected());
            return;
        }
        Word w = words.get(Math.min(i, words.size() - 1));
        if (i > 0 && i < words.size() && (words.get(i - 1).text().equals("table") || words.get(i - 1).text().equals("lookup"))) {
            try {
                if (into.names().table(w.text()) == null) {
                    table(w, into);
                    return;
                }
            } catch (InvalidValueException ignored) {
                // a number, but a bad one: the grammar's own message says why
            }
        }
        into.problem(w.pos(), e.getMessage(), e.expected());
    }

    private static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) out.add(w.text());
        return out;
    }
}
