package io.routesync.lookup;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Family;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A host state for lookup tests, written as iproute2 lines: {@code rule 4 pref 100 from 10.0.0.0/8
 * lookup 100}, {@code route 100 10.0.0.0/8 via 192.0.2.254 dev d0}. Rules keep the order given (the
 * kernel's list order); the kernel's default rules and the local routes of 192.0.2.1 and
 * 2001:db8::1 are there unless {@link #bare()}.
 */
public final class TestState {
    private final List<Rule> rules = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final Set<TableId> tables = new TreeSet<>();

    public static TestState host() {
        return new TestState()
                .add("rule 4 pref 0 lookup local", "rule 4 pref 32766 lookup main", "rule 4 pref 32767 lookup default",
                        "rule 6 pref 0 lookup local", "rule 6 pref 32766 lookup main",
                        "route 255 local 192.0.2.1 dev d0 scope host", "route 255 local 2001:db8::1 dev d0",
                        "route 254 192.0.2.0/24 dev d0 scope link src 192.0.2.1", "route 254 2001:db8::/64 dev d0");
    }

    public static TestState bare() {
        return new TestState();
    }

    public TestState add(String... lines) {
        for (String line : lines) {
            List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
            String kind = words.remove(0);
            String where = words.remove(0);
            try {
                if (kind.equals("rule")) {
                    Family f = where.equals("6") ? Family.INET6 : Family.INET;
                    Rule r = RuleGrammar.parseAdd(words, f, Names.builtin(), -1);
                    // rules of equal priority keep the order they are given in, as the kernel's list does
                    int at = rules.size();
                    while (at > 0 && rules.get(at - 1).priority().compareTo(r.priority()) > 0) at--;
                    rules.add(at, r);
                } else {
                    TableId t = TableId.of(Long.parseLong(where));
                    routes.add(RouteGrammar.parseAdd(words, null, t, Names.builtin(), 3));
                    tables.add(t);
                }
            } catch (SyntaxException e) {
                throw new IllegalArgumentException(line + ": " + e.getMessage(), e);
            }
        }
        return this;
    }

    public Observed observed() {
        Set<TableId> read = new TreeSet<>(tables);
        read.addAll(List.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT, TableId.of(100), TableId.of(101), TableId.of(102)));
        return new Observed(rules, routes, read, List.of(), List.of(), Map.of());
    }

    Fib fib() {
        return Fib.of(observed());
    }
}
