package io.routesync.lookup;

import io.routesync.iproute2.Names;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.RouteType;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Locale;

/**
 * Where a flow goes, reduced to what an {@link Expectation} compares, from either source: the
 * simulation ({@link #of(LookupResult)}) or the kernel's own {@code ip -d -N route get}
 * ({@link #parse}). The kernel's errors name the refusals: {@code Invalid argument} (blackhole),
 * {@code Network is unreachable} / {@code No route to host} (unreachable or no route), {@code
 * Permission denied} (prohibit).
 *
 * @param type      the delivery's route type word ({@code unicast}, {@code local}, ...), or the refusal's
 *                  ({@code blackhole} for every "Invalid argument", {@code unreachable}, {@code prohibit})
 * @param via       the single path's gateway, or null
 * @param dev       the output device, or null (a refusal, several paths, or a device the kernel would pick)
 * @param paths     every path of the route when it has several (multipath: the kernel's flow hash picks
 *                  one), else empty
 * @param text      the answer in words, for messages
 */
public record Answer(String type, IpAddress via, Interface dev, TableId table, List<NextHop> paths, String text) {
    public Answer {
        paths = paths.size() > 1 ? List.copyOf(paths) : List.of();
    }

    /** Whether the route has several paths, of which the kernel's flow hash picks one. */
    public boolean multipath() {
        return !paths.isEmpty();
    }

    /**
     * The kernel's answer for a flow together with the paths of the route it matched ({@code ip route get
     * fibmatch}, {@link #routePaths}): its via and dev stay the path the kernel picked for this flow.
     */
    public Answer withRoutePaths(List<NextHop> routePaths) {
        if (routePaths.size() < 2) return this;
        StringBuilder t = new StringBuilder(text).append(" (the route's ").append(routePaths.size()).append(" paths:");
        for (NextHop h : routePaths) {
            t.append(h.via() == null ? "" : " via " + h.via()).append(h.dev() == null ? "" : " dev " + h.dev().name()).append(',');
        }
        t.setLength(t.length() - 1);
        return new Answer(type, via, dev, table, routePaths, t.append(')').toString());
    }

    /**
     * The paths of a multipath route as {@code ip -d -N route get fibmatch} prints it (its {@code nexthop
     * via G dev D weight W} lines); empty for a route of one path or output that is not a route.
     */
    public static List<NextHop> routePaths(String output) {
        List<NextHop> paths = new java.util.ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] w = line.strip().split("\\s+");
            if (!w[0].equals("nexthop")) continue;
            IpAddress via = null;
            Interface dev = null;
            try {
                for (int i = 1; i + 1 < w.length; i++) {
                    if (w[i].equals("via")) via = IpAddress.parse(w[++i]);
                    else if (w[i].equals("dev")) dev = Interface.of(w[++i]);
                }
            } catch (InvalidValueException e) {
                return List.of();
            }
            if (via == null && dev == null) return List.of();
            paths.add(NextHop.of(via, dev));
        }
        return paths;
    }

    /** The simulated answer; its text names the rule and route that decided, in {@code names}. */
    public static Answer of(LookupResult r, Names names) {
        String type = switch (r.verdict()) {
            case NO_ROUTE, UNREACHABLE, BAD_SOURCE -> "unreachable";
            // the kernel refuses these as it refuses a blackhole: Invalid argument
            case NAT, MARTIAN -> "blackhole";
            default -> r.verdict().name().toLowerCase(Locale.ROOT);
        };
        List<NextHop> paths = r.paths();
        IpAddress via = paths.size() == 1 ? paths.get(0).via() : null;
        StringBuilder text = new StringBuilder(LookupText.verdict(r));
        if (r.rule() != null) text.append(" (rule ").append(LookupText.rule(r.rule(), names));
        if (r.route() != null) text.append(r.rule() != null ? ", " : " (").append("route ").append(LookupText.route(r.route(), names));
        if (r.table() != null) text.append(" in table ").append(names.tableName(r.table()));
        if (r.rule() != null || r.route() != null) text.append(')');
        return new Answer(type, via, r.dev(), r.table(), paths, text.toString());
    }

    /**
     * The kernel's answer: {@code output} of {@code ip -d -N route get} (stdout and stderr) and its exit
     * status. Returns null when the output is not an answer (then the caller reports it as it is).
     */
    public static Answer parse(String output, int exitCode) {
        String first = output.strip().lines().findFirst().orElse("").strip();
        if (exitCode != 0) {
            String error = first.startsWith("RTNETLINK answers: ") ? first.substring("RTNETLINK answers: ".length()) : first;
            String type = switch (error) {
                case "Invalid argument" -> "blackhole";
                case "Network is unreachable", "No route to host" -> "unreachable";
                case "Permission denied" -> "prohibit";
                default -> null;
            };
            return type == null ? null : new Answer(type, null, null, null, List.of(), error);
        }
        String[] w = first.split("\\s+");
        if (w.length < 2) return null;
        RouteType rt = RouteType.lookup(w[0]);
        int i = rt != null ? 2 : 1;
        IpAddress via = null;
        Interface dev = null;
        TableId table = null;
        try {
            for (; i + 1 < w.length; i++) {
                switch (w[i]) {
                    case "via":
                        String gw = w[i + 1].equals("inet") || w[i + 1].equals("inet6") ? w[++i + 1] : w[i + 1];
                        via = IpAddress.parse(gw);
                        i++;
                        break;
                    case "dev": dev = Interface.of(w[++i]); break;
                    case "table": table = TableId.of(Long.parseLong(w[++i])); break;
                    default: break;
                }
            }
        } catch (InvalidValueException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
        String type = (rt != null ? rt : RouteType.UNICAST).word();
        // ip -N prints the type as a number: in words, for messages
        String text = rt != null ? type + first.substring(w[0].length()) : first;
        return new Answer(type, via, dev, table, List.of(), text);
    }
}
