package io.routesync.plan;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lets planner tests state entries the way plans print them ({@link EntryText}), through the real
 * iproute2 grammar, with three conveniences: a leading {@code -6} for IPv6, a leading bare priority
 * ({@code 1000 lookup 102}) or {@code auto} (no priority) for rules, and {@code table T} anywhere in a
 * route (main when absent). A rule without {@code protocol} keeps -1 (the callers choose).
 */
final class EntrySpec {
    private static final Names NAMES = Names.builtin();

    private EntrySpec() {
    }

    static Rule rule(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        Family family = takeFamily(words);
        if (words.get(0).equals("auto")) words.remove(0);
        else if (words.get(0).chars().allMatch(Character::isDigit)) words.add(0, "pref");
        try {
            return RuleGrammar.parseAdd(words, family, NAMES, -1);
        } catch (SyntaxException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    /** A route; {@code protocol} stands in when the text names none. */
    static Route route(String text, int protocol) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        Family family = takeFamily(words);
        TableId table = TableId.MAIN;
        int at = words.indexOf("table");
        if (at >= 0) {
            table = TableId.of(Long.parseLong(words.get(at + 1)));
            words.subList(at, at + 2).clear();
        }
        try {
            return RouteGrammar.parseAdd(words, family, table, NAMES, protocol);
        } catch (SyntaxException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    private static Family takeFamily(List<String> words) {
        if (!words.get(0).equals("-6")) return null;
        words.remove(0);
        return Family.INET6;
    }
}
