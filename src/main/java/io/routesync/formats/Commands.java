package io.routesync.formats;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shell command line (an ifupdown {@code up} line, a line of a script): an {@code ip} command goes to
 * {@link IpCommand}; a line of an {@code ip -batch} file ({@code route add ...}, without {@code ip})
 * too, where the caller allows them; net-tools' {@code route} is listed as routing that was not read;
 * any other command is noted as left to its owner (it is not policy routing routesync could read).
 */
final class Commands {
    private static final Pattern FIRST_WORD = Pattern.compile("^[ \t]*([^ \t;&|<>()]+)");
    private static final Set<String> NET_TOOLS = Set.of("-net", "-host", "gw", "netmask", "-A");

    private Commands() {
    }

    /** Reads {@code line} from index {@code from}; {@code owner} names what runs it ("ifupdown", "the script"). */
    static void read(LogicalLine line, int from, Map<String, String> vars, Entries into, Entries.Phase phase, String owner,
            boolean batch) {
        List<Word> words;
        try {
            words = ShellLine.words(line, from, vars);
        } catch (ShellLine.Unreadable e) {
            Matcher m = FIRST_WORD.matcher(line.text().substring(from));
            String first = m.find() ? m.group(1) : "";
            if (isIp(first) || isRouting(first)) {
                into.problem(line.at(e.column), e.getMessage(), "write the command with literal values or variables this file sets");
            } else {
                into.note(line.at(from + 1), "not an ip command, and not readable either (" + e.getMessage() + "); left to " + owner,
                        "if it changes rules or routes, write those as ip rule/ip route lines");
            }
            return;
        }
        if (words.isEmpty()) return;
        Word cmd = words.get(0);
        if (isIp(cmd.text())) {
            IpCommand.read(words, 1, cmd.pos(), into, phase);
        } else if (isRouting(cmd.text()) && (!batch || words.stream().anyMatch(w -> NET_TOOLS.contains(w.text())))) {
            into.problem(cmd.pos(), "net-tools' route command is not read; routesync reads iproute2's ip route and ip rule",
                    "rewrite it as 'ip route add PREFIX via GATEWAY dev DEVICE'");
        } else if (batch && isIpObject(cmd.text())) {
            IpCommand.read(words, 0, cmd.pos(), into, phase);
        } else {
            into.note(cmd.pos(), "'" + cmd.text() + "' is not an ip command: left to " + owner + " (if it changes rules or routes,"
                    + " routesync cannot see what)", "if it makes routing policy, write that as ip rule/ip route lines");
        }
    }

    static boolean isIp(String w) {
        return w.equals("ip") || w.matches("/(usr/)?s?bin/ip");
    }

    private static boolean isRouting(String w) {
        return w.equals("route") || w.matches("/(usr/)?s?bin/route");
    }

    /** A batch line's first word: an ip object iproute2 would take (route, rule and their abbreviations, link, ...). */
    private static boolean isIpObject(String w) {
        return w.matches("r|ro|rou|rout|route|ru|rul|rule|-4|-6|a|ad|add|addr|addre|addres|address|l|li|lin|link|n|ne|nei|neig|neigh|neighbor|neighbour|nexthop");
    }
}
