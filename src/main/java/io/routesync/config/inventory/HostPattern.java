package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * An inventory host entry, Ansible-style: a name, optionally with ':port' (which sets ansible_port),
 * and optionally with ranges that make several hosts, like {@code edge[1:4]}, {@code www[01:50]},
 * {@code db-[a:f]} or {@code node[0:10:2]}. IPv6 addresses are written bare or as {@code [addr]:port}.
 */
final class HostPattern {
    // one inventory line must not be able to conjure millions of hosts
    private static final int MAX_HOSTS = 10_000;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The host names an entry stands for, and its port (null when none was written). */
    record Expansion(List<String> names, String port) {
    }

    private static final class BadRange extends Exception {
        BadRange(String message) {
            super(message);
        }
    }

    private HostPattern() {
    }

    /** Expands one entry; problems are added to {@code problems} and give an empty list of names. */
    static Expansion expand(String entry, SourcePos pos, List<Diagnostic> problems) {
        String text = entry.strip();
        String host = text;
        String port = null;
        if (text.startsWith("[") && text.indexOf(']') > 0 && text.substring(1, text.indexOf(']')).chars().filter(c -> c == ':').count() >= 2) {
            int close = text.indexOf(']');
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) return bad(entry, pos, problems, "unexpected text after ']'");
                port = rest.substring(1);
            }
        } else {
            int colon = lastColonOutsideBrackets(text);
            int colons = countColonsOutsideBrackets(text);
            if (colons == 1) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            }
            // two or more colons and no brackets: a bare IPv6 address, which cannot carry a port
        }
        if (port != null && (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return bad(entry, pos, problems, "'" + port + "' after ':' is not a port number");
        }
        List<String> names = new ArrayList<>();
        try {
            expandRanges(host, names);
        } catch (BadRange e) {
            return bad(entry, pos, problems, e.getMessage());
        }
        for (String name : names) {
            String problem = InventoryNames.hostProblem(name);
            if (problem != null) {
                problems.add(Diagnostic.error(pos, "host name '" + name + "' " + problem,
                        "a host name is letters, digits, '.', '-' and '_', or an IP address; put anything else in ansible_host"));
                return new Expansion(List.of(), null);
            }
        }
        return new Expansion(names, port);
    }

    private static Expansion bad(String entry, SourcePos pos, List<Diagnostic> problems, String why) {
        problems.add(Diagnostic.error(pos, "host entry '" + entry + "' is not valid: " + why,
                "write a name, name:port, or a range like edge[1:4] or www[01:50]"));
        return new Expansion(List.of(), null);
    }

    private static void expandRanges(String pattern, List<String> out) throws BadRange {
        int open = pattern.indexOf('[');
        if (open < 0) {
            if (pattern.indexOf(']') >= 0) throw new BadRange("']' without '['");
            if (out.size() >= MAX_HOSTS) throw new BadRange("it makes more than " + MAX_HOSTS + " hosts");
            out.add(pattern);
            return;
        }
        int close = pattern.indexOf(']', open);
        if (close < 0) throw new BadRange("'[' without ']'");
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        String[] bounds = pattern.substring(open + 1, close).split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) throw new BadRange("a range is [begin:end] or [begin:end:step]");
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) throw new BadRange("the range has no end");
        int step = 1;
        if (bounds.length == 3) step = number(bounds[2], "step");
        if (step < 1) throw new BadRange("the range step must be at least 1");
        if (begin.length() == 1 && end.length() == 1 && LETTERS.indexOf(begin.charAt(0)) >= 0 && LETTERS.indexOf(end.charAt(0)) >= 0) {
            int from = LETTERS.indexOf(begin.charAt(0));
            int to = LETTERS.indexOf(end.charAt(0));
            if (from > to) throw new BadRange("the range begins after it ends");
            for (int i = from; i <= to; i += step) expandRanges(head + LETTERS.charAt(i) + tail, out);
            return;
        }
        int from = number(begin, "begin");
        int to = number(end, "end");
        if (from > to) throw new BadRange("the range begins after it ends");
        // a leading zero asks for fixed-width numbers (www[01:50] -> www01 ... www50)
        int width = begin.length() > 1 && begin.charAt(0) == '0' ? begin.length() : 0;
        if (width > 0 && end.length() != width) throw new BadRange("a zero-padded range needs begin and end of the same width");
        for (long i = from; i <= to; i += step) {
            String n = Long.toString(i);
            while (n.length() < width) n = "0" + n;
            expandRanges(head + n + tail, out);
        }
    }

    private static int number(String text, String what) throws BadRange {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRange("the range " + what + " '" + text + "' is not a number (or a single letter)");
        }
        return Integer.parseInt(text);
    }

    private static int lastColonOutsideBrackets(String text) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ':' && depth == 0) last = i;
        }
        return last;
    }

    private static int countColonsOutsideBrackets(String text) {
        int depth = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ':' && depth == 0) count++;
        }
        return count;
    }
}
