package io.routesync.config.inventory;

import io.routesync.config.Nearest;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible's host patterns, as --limit takes them: names of hosts or groups, globs ({@code edge*}),
 * regular expressions ({@code ~edge[12]}), {@code all} or {@code *}, joined by ':' or ',' (union),
 * with {@code &} (intersection) and {@code !} (exclusion) prefixes, and subscripts ({@code edge[0]},
 * {@code edge[1:]}). Evaluated as ansible-core's InventoryManager does: unions first, then
 * intersections, then exclusions, whatever the written order; only exclusions or intersections mean
 * "from all"; a subscript counts in Ansible's order of the group's hosts. Unlike Ansible, which warns and goes on, a part matching nothing is an error (a typo in
 * an exclusion must not widen a run), and the result is always in inventory order.
 */
final class HostSelector {
    private static final SourcePos WHERE = SourcePos.file("--limit");
    private static final Pattern SUBSCRIPT = Pattern.compile("(.+)\\[(?:(-?[0-9]+)|([0-9]+)[:-]([0-9]*))\\]");
    private static final Pattern TERM = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private final Inventory inventory;
    private final List<Diagnostic> problems = new ArrayList<>();

    private HostSelector(Inventory inventory) {
        this.inventory = inventory;
    }

    static List<Host> select(Inventory inventory, String pattern) throws InvalidInputException {
        return new HostSelector(inventory).evaluate(pattern);
    }

    private List<Host> evaluate(String pattern) throws InvalidInputException {
        List<String> regular = new ArrayList<>();
        List<String> intersect = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String term : split(pattern)) {
            if (term.startsWith("&")) intersect.add(term);
            else if (term.startsWith("!")) exclude.add(term);
            else regular.add(term);
        }
        if (regular.isEmpty() && intersect.isEmpty() && exclude.isEmpty()) {
            throw fail("the host pattern is empty", "give a host, a group, a glob like 'edge*', or 'all'");
        }
        if (regular.isEmpty()) regular.add("all");
        Set<String> selected = new LinkedHashSet<>();
        for (String term : regular) selected.addAll(match(term, term));
        for (String term : intersect) selected.retainAll(match(term.substring(1), term));
        for (String term : exclude) selected.removeAll(match(term.substring(1), term));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        if (selected.isEmpty()) {
            throw fail("'" + pattern + "' selects no hosts", "check the intersections (&) and exclusions (!) of the pattern");
        }
        List<Host> hosts = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            if (selected.contains(h.name())) hosts.add(h);
        }
        return hosts;
    }

    // Commas always separate; otherwise ':' does, except inside [...] and in a bare IPv6 address.
    private static List<String> split(String pattern) {
        List<String> terms = new ArrayList<>();
        String p = pattern.strip();
        if (p.contains(",")) {
            for (String t : p.split(",")) terms.add(t.strip());
        } else if (p.chars().filter(c -> c == ':').count() >= 2 && ConnectionValues.hostProblem(p) == null) {
            terms.add(p);
        } else {
            Matcher m = TERM.matcher(p);
            while (m.find()) terms.add(m.group().strip());
        }
        terms.removeIf(String::isEmpty);
        return terms;
    }

    /**
     * The names of the hosts one term matches, as ansible-core's _match_one_pattern finds them: a
     * regular term that is exactly a host's name is that host; otherwise every matching group gives
     * its hosts in its own order (see {@link Group#hosts()}), 'all' and 'ungrouped' included, and
     * host names are matched too when no group matched or the term is a glob or regex. A subscript
     * counts in that list, duplicates and all, as Ansible's does.
     */
    private List<String> match(String body, String term) {
        if (!term.startsWith("&") && !term.startsWith("!") && inventory.host(body).isPresent()) return List.of(body);
        String expression = body;
        Matcher subscript = body.startsWith("~") ? null : SUBSCRIPT.matcher(body);
        if (subscript != null && subscript.matches()) expression = subscript.group(1);
        else subscript = null;
        Pattern matcher;
        try {
            matcher = body.startsWith("~") ? Pattern.compile(body.substring(1)) : glob(expression);
        } catch (PatternSyntaxException e) {
            problems.add(Diagnostic.error(WHERE, "'" + term + "' is not a valid regular expression: " + e.getDescription(), "fix the expression after '~'"));
            return List.of();
        }
        // like Python's re.match: a regex must match at the start; a glob, the whole name
        boolean regex = body.startsWith("~");
        List<String> found = new ArrayList<>();
        boolean groupMatched = false;
        for (Group g : inventory.groups().values()) {
            if (matches(matcher, g.name(), regex)) {
                groupMatched = true;
                found.addAll(g.hosts());
            }
        }
        if (!groupMatched || regex || expression.chars().anyMatch(c -> c == '.' || c == '?' || c == '*' || c == '[')) {
            for (Host h : inventory.hosts()) {
                if (matches(matcher, h.name(), regex)) found.add(h.name());
            }
        }
        if (found.isEmpty()) {
            Set<String> known = new TreeSet<>(inventory.groups().keySet());
            known.addAll(names(inventory.hosts()));
            problems.add(Diagnostic.error(WHERE, "'" + term + "' matches no host or group" + Nearest.hint(expression, known),
                    "name a host or group of " + inventory.file() + ", a glob like 'edge*', or 'all'"));
            return List.of();
        }
        List<String> picked = subscript == null ? found : slice(found, subscript, term);
        return new ArrayList<>(new LinkedHashSet<>(picked));
    }

    // Ansible's subscripts count from 0 and include the end: edge[0], edge[-1], edge[0:2], edge[1:].
    private List<String> slice(List<String> hosts, Matcher subscript, String term) {
        int n = hosts.size();
        if (subscript.group(2) != null) {
            int index = Integer.parseInt(subscript.group(2));
            if (index < 0) index += n;
            if (index < 0 || index >= n) {
                problems.add(Diagnostic.error(WHERE, "'" + term + "' is out of range: it matches " + n + " host(s), numbered 0 to " + (n - 1),
                        "use an index from 0 to " + (n - 1) + " (or -1 for the last)"));
                return List.of();
            }
            return List.of(hosts.get(index));
        }
        int start = Integer.parseInt(subscript.group(3));
        int end = subscript.group(4).isEmpty() ? n - 1 : Math.min(Integer.parseInt(subscript.group(4)), n - 1);
        if (start > end) {
            problems.add(Diagnostic.error(WHERE, "'" + term + "' selects no hosts: it matches " + n + " host(s), numbered 0 to " + (n - 1),
                    "use a range within 0 to " + (n - 1)));
            return List.of();
        }
        return hosts.subList(start, end + 1);
    }

    private static boolean matches(Pattern pattern, String name, boolean atStart) {
        Matcher m = pattern.matcher(name);
        return atStart ? m.lookingAt() : m.matches();
    }

    /** Python's fnmatch: '*', '?', '[seq]' and '[!seq]', case-sensitive, everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i + 1;
                if (j < glob.length() && glob.charAt(j) == '!') j++;
                if (j < glob.length() && glob.charAt(j) == ']') j++;
                while (j < glob.length() && glob.charAt(j) != ']') j++;
                if (j >= glob.length()) {
                    regex.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, j);
                boolean negated = set.startsWith("!");
                if (negated) set = set.substring(1);
                regex.append('[').append(negated ? "^" : "");
                for (char s : set.toCharArray()) {
                    if (s == '\\' || s == '[' || s == ']' || s == '&' || s == '^') regex.append('\\');
                    regex.append(s);
                }
                regex.append(']');
                i = j;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String> names(List<Host> hosts) {
        List<String> names = new ArrayList<>();
        for (Host h : hosts) names.add(h.name());
        return names;
    }

    private InvalidInputException fail(String message, String fix) {
        problems.add(Diagnostic.error(WHERE, message, fix));
        return new InvalidInputException(problems);
    }
}
