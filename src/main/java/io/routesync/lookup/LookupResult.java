package io.routesync.lookup;

import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Objects;

/**
 * What the kernel would do with one packet.
 *
 * @param rule   the rule that decided (its action, or the table its route was found in); null when no
 *               rule did (no route, bad source)
 * @param byRule true when the rule's own action decided (blackhole, unreachable, prohibit), false
 *               when a route did
 * @param table  the table the route came from, or null
 * @param route  the route chosen, or null (rule actions, no route, the kernel's on-link guess for an
 *               output interface)
 * @param paths  the next hops the packet may take: one, several for a multipath route (the kernel
 *               picks one by flow hash), none when the route has no path (local, reject, nexthop object)
 * @param dev    the output device: the single path's, {@code lo} for local delivery, null for multipath
 * @param steps  every rule looked at, in order
 * @param note   why the result is not simply "this route", or null
 * @param uncertainty null when the kernel's answer is the one given; else why it may differ: the
 *               kernel made a choice on the way that depends on its per-flow multipath hash
 */
public record LookupResult(Query query, Verdict verdict, boolean byRule, Rule rule, TableId table, Route route,
        List<NextHop> paths, Interface dev, List<Step> steps, String note, String uncertainty) {

    public LookupResult {
        Objects.requireNonNull(verdict, "verdict");
        paths = List.copyOf(paths);
        steps = List.copyOf(steps);
    }

    /** True when the packet goes somewhere. */
    public boolean delivers() {
        return verdict.delivers();
    }

    /** The gateway of the single path, or null (no gateway, no path, or multipath). */
    public IpAddress gateway() {
        return paths.size() == 1 ? paths.get(0).via() : null;
    }

    /**
     * The message {@code ip route get} prints for this result ({@code RTNETLINK answers: ...} without the
     * prefix), or null when the packet is delivered. An unreachable rule says the network is unreachable,
     * an unreachable route that there is no route to the host.
     */
    public String error() {
        switch (verdict) {
            case BLACKHOLE: case NAT: case MARTIAN: return "Invalid argument";
            case UNREACHABLE: return byRule ? "Network is unreachable" : "No route to host";
            case PROHIBIT: return "Permission denied";
            case NO_ROUTE: case BAD_SOURCE: return "Network is unreachable";
            default: return null;
        }
    }

    /** The rules whose selectors matched (every step but {@link Step.Outcome#NO_MATCH}). */
    public List<Step> matchedSteps() {
        return steps.stream().filter(s -> s.outcome() != Step.Outcome.NO_MATCH).toList();
    }

    /**
     * True when two results send the packet the same way: same verdict, output device and set of next
     * hops. Which rule or table led there does not matter.
     */
    public boolean sameWay(LookupResult other) {
        return verdict == other.verdict && Objects.equals(dev, other.dev)
                && new java.util.HashSet<>(paths).equals(new java.util.HashSet<>(other.paths))
                && (delivers() || Objects.equals(error(), other.error()));
    }
}
