package io.routesync.formats;

import io.routesync.config.SourcePos;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ifupdown's and ifupdown2's {@code /etc/network/interfaces}: per {@code iface} stanza, the {@code
 * pre-up}/{@code up}/{@code post-up} commands (what the interface makes when it comes up) and the
 * {@code down}/{@code pre-down}/{@code post-down} ones (what it tears down), read as the shell would with
 * the variables ifupdown gives them ({@code $IFACE}, {@code $IF_ADDRESS}, {@code $IF_GATEWAY}, ... from
 * the stanza's own options), and the stanza's {@code gateway}, which ifupdown turns into the main table's
 * default route ({@code ip route add default via GW [metric M] dev IFACE onlink}, {@code ip -6 route
 * replace ...} for inet6). {@code source}/{@code source-directory} are followed into given files
 * ({@link Includes}), at most {@value #MAX_DEPTH} deep, each file once.
 */
final class InterfacesReader {
    static final int MAX_DEPTH = 8;
    private static final Set<String> STANZAS = Set.of("iface", "mapping", "auto", "source", "source-directory",
            "no-auto-down", "no-scripts", "rename", "template");
    private static final List<String> UP = List.of("pre-up", "up", "post-up");
    private static final List<String> DOWN = List.of("pre-down", "down", "post-down");

    private final Entries into;
    private final Includes includes;
    private final Set<String> read = new HashSet<>();
    private final Deque<String> reading = new ArrayDeque<>();

    private record Option(String key, String value, LogicalLine line, int valueStart, SourcePos keyPos) {
    }

    private static final class Stanza {
        final String name;
        final String family;
        final String method;
        final SourcePos at;
        final List<Option> options = new ArrayList<>();

        Stanza(String name, String family, String method, SourcePos at) {
            this.name = name;
            this.family = family;
            this.method = method;
            this.at = at;
        }
    }

    private InterfacesReader(Entries into, List<FormatFile> files) {
        this.into = into;
        this.includes = new Includes(files);
    }

    /** Reads the files: those no other given file sources, in the order given, with what they source. */
    static void read(List<FormatFile> files, Entries into) {
        InterfacesReader r = new InterfacesReader(into, files);
        Set<String> sourced = new HashSet<>();
        for (FormatFile f : files) {
            for (LogicalLine line : LogicalLine.of(f.name(), f.text(), true)) {
                String[] w = line.text().trim().split("[ \t]+");
                for (int k = 1; k < w.length && w[0].startsWith("source"); k++) r.matches(w[0], w[k], f).forEach(x -> sourced.add(x.path()));
            }
        }
        boolean any = false;
        for (FormatFile f : files) {
            if (!sourced.contains(f.path())) {
                r.file(f, 0);
                any = true;
            }
        }
        // every file is sourced by another (a loop): start from the first
        if (!any && !files.isEmpty()) r.file(files.get(0), 0);
        for (FormatFile f : files) {
            if (!r.read.contains(f.path())) r.file(f, 0);
        }
    }

    private void file(FormatFile f, int depth) {
        read.add(f.path());
        reading.push(f.path());
        Stanza stanza = null;
        boolean inMapping = false;
        for (LogicalLine line : LogicalLine.of(f.name(), f.text(), true)) {
            String text = line.text();
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            int keyStart = text.indexOf(trimmed.charAt(0));
            String[] w = trimmed.split("[ \t]+");
            String key = w[0];
            if (STANZAS.contains(key) || key.startsWith("allow-")) {
                stanza = finish(stanza);
                inMapping = key.equals("mapping");
                switch (key) {
                    case "iface":
                        if (w.length < 2) into.problem(line.start(), "iface without a name", "iface NAME [inet|inet6 METHOD]");
                        else stanza = new Stanza(w[1], w.length > 2 ? w[2] : null, w.length > 3 ? w[3] : null, line.at(keyStart + 1));
                        break;
                    case "mapping":
                        into.problem(line.at(keyStart + 1), "a mapping stanza runs a script to choose the interface's configuration;"
                                + " routesync runs nothing it reads, so what it selects is not read",
                                "import the stanzas it maps to (they are read as written)");
                        break;
                    case "source": case "source-directory":
                        include(f, line, keyStart, w, depth);
                        break;
                    default:
                        break; // auto, allow-*, rename, ...: which interfaces come up, not what they route
                }
                continue;
            }
            if (inMapping) continue; // the mapping's own script/map lines, listed with it
            if (stanza == null) {
                into.problem(line.at(keyStart + 1), "'" + key + "' outside an iface stanza", "put it under its iface line");
                continue;
            }
            int valueStart = keyStart + key.length();
            while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) valueStart++;
            stanza.options.add(new Option(key, text.substring(valueStart).strip(), line, valueStart, line.at(keyStart + 1)));
        }
        finish(stanza);
        reading.pop();
    }

    private void include(FormatFile from, LogicalLine line, int keyStart, String[] w, int depth) {
        SourcePos at = line.at(keyStart + 1);
        if (w.length < 2) {
            into.problem(at, w[0] + " without a path", w[0] + " PATH");
            return;
        }
        // like wordexp(3), which ifupdown uses, every word is a pattern
        for (int k = 1; k < w.length; k++) include(from, at, w[0], w[k], depth);
    }

    /** The given files one {@code source}/{@code source-directory} pattern takes in. */
    private List<FormatFile> matches(String keyword, String pattern, FormatFile from) {
        return keyword.equals("source") ? includes.source(pattern, from)
                : keyword.equals("source-directory") ? includes.sourceDirectory(pattern, from) : List.of();
    }

    private void include(FormatFile from, SourcePos at, String keyword, String pattern, int depth) {
        List<FormatFile> matched = matches(keyword, pattern, from);
        if (matched.isEmpty()) {
            into.problem(at, keyword + " " + pattern + " matches none of the files given: routesync reads only the files named on"
                    + " the command line, never others on disk", "add the files it includes to the command line"
                    + " (e.g. /etc/network/interfaces.d/*), or drop the line if it includes nothing");
            return;
        }
        for (FormatFile f : matched) {
            if (reading.contains(f.path())) {
                into.problem(at, f.name() + " includes itself through this line; not read again", "remove the loop");
            } else if (read.contains(f.path())) {
                into.problem(at, f.name() + " is already read; ifupdown would read its stanzas twice", "source each file once");
            } else if (depth + 1 > MAX_DEPTH) {
                read.add(f.path()); // refused, not read later on its own either
                into.problem(at, "source lines nest deeper than " + MAX_DEPTH + " files; " + f.name() + " is not read",
                        "include the files from fewer levels");
            } else {
                file(f, depth + 1);
            }
        }
    }

    /** Reads a finished stanza's routing; returns null (no stanza open). */
    private Stanza finish(Stanza s) {
        if (s == null) return null;
        Map<String, String> vars = new HashMap<>();
        vars.put("IFACE", s.name);
        vars.put("LOGICAL", s.name);
        vars.put("ADDRFAM", s.family == null ? "inet" : s.family);
        vars.put("METHOD", s.method == null ? "" : s.method);
        Map<String, Option> single = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Option o : s.options) {
            if (UP.contains(o.key) || DOWN.contains(o.key)) continue;
            single.putIfAbsent(o.key, o);
            values.putIfAbsent(o.key, o.value);
        }
        // ifupdown exports each option as IF_NAME (upper case, '-' as '_'), after its own completion of them
        StanzaOptions.of(s.family, s.method, values).forEach((k, v) -> vars.put("IF_" + k.toUpperCase(Locale.ROOT).replace('-', '_'), v));
        for (Option o : s.options) if (o.key.equals("pre-up")) command(o, vars, "start", Entries.Phase.UP);
        gateway(s, single);
        for (Option o : s.options) if (o.key.equals("up") || o.key.equals("post-up")) command(o, vars, "start", Entries.Phase.UP);
        for (Option o : s.options) if (DOWN.contains(o.key)) command(o, vars, "stop", Entries.Phase.DOWN);
        return null;
    }

    /** The default route ifupdown adds for a static stanza's gateway. */
    private void gateway(Stanza s, Map<String, Option> options) {
        Option gw = options.get("gateway");
        if (gw == null) return;
        if (s.method != null && !s.method.equals("static")) {
            into.note(gw.keyPos, "gateway in an " + s.family + " " + s.method + " stanza: ifupdown uses it only for static",
                    "nothing to do");
            return;
        }
        String[] values = gw.value.split("[ \t]+");
        SourcePos at = gw.line.at(gw.valueStart + 1);
        Family family = "inet6".equals(s.family) || values[0].contains(":") ? Family.INET6 : Family.INET;
        List<Word> words = new ArrayList<>(List.of(new Word("default", at), new Word("via", at), new Word(values[0], at)));
        Option metric = options.get("metric");
        if (metric != null) {
            words.add(new Word("metric", metric.keyPos));
            words.add(new Word(metric.value, metric.line.at(metric.valueStart + 1)));
        }
        words.addAll(List.of(new Word("dev", s.at), new Word(s.name, s.at), new Word("onlink", at)));
        Route r = IpCommand.route(words, family, TableId.MAIN, at, into);
        if (r != null) into.route(r, at, family == Family.INET6 ? Entries.Verb.REPLACE : Entries.Verb.ADD, Entries.Phase.UP);
    }

    private void command(Option o, Map<String, String> stanzaVars, String mode, Entries.Phase phase) {
        Map<String, String> vars = new HashMap<>(stanzaVars);
        vars.put("MODE", mode);
        vars.put("PHASE", o.key);
        Commands.read(o.line, o.valueStart, vars, into, phase, "ifupdown", false);
    }
}
