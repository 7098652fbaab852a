package io.routesync.apply;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.OutputException;
import io.routesync.lookup.Fib;
import io.routesync.lookup.Flow;
import io.routesync.lookup.Lookup;
import io.routesync.lookup.LookupResult;
import io.routesync.lookup.LookupText;
import io.routesync.lookup.Query;
import io.routesync.model.Change;
import io.routesync.model.Entry;
import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.plan.SimulationException;
import io.routesync.plan.Simulator;
import io.routesync.transport.ManagementProbe;
import io.routesync.transport.SshPeer;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Before applying over ssh: would the plan change how the host replies to the connection routesync
 * uses? The reply is a TCP packet the host sends from its ssh address and port to the client's
 * (uid 0: sshd's socket; no mark, TOS 0 as for a session without a terminal), looked up with the
 * kernel's rules ({@link Lookup}) on the host as probed and with the plan applied to it. A plan that
 * turns that path into a blackhole, unreachable, prohibit or no route, or moves it to another
 * interface or gateway, is refused unless the user allows it ({@code --allow-management-change}).
 */
public final class ManagementPathCheck {
    private static final int TCP = 6;

    /** The check's answer: both lookups, and why the plan is refused (null when it is not). */
    public record Assessment(SshPeer peer, LookupResult before, LookupResult after, String refusal, String note) {
        public boolean refuses() {
            return refusal != null;
        }

        /** The plan would change the reply path: {@code why}, in words. */
        static Assessment refused(SshPeer peer, LookupResult before, LookupResult after, String why) {
            return new Assessment(peer, before, after, why, null);
        }

        /** The plan may go ahead; {@code note} is what the user should know, or null. */
        static Assessment allowed(SshPeer peer, LookupResult before, LookupResult after, String note) {
            return new Assessment(peer, before, after, null, note);
        }

        /** Not over ssh: there is no management path to check. */
        public static Assessment notOverSsh() {
            return new Assessment(null, null, null, null, "not reached over ssh: no management path to check");
        }
    }

    private ManagementPathCheck() {
    }

    /** Probes the host over {@code target} (the connection the apply will use) and assesses {@code plan}. */
    public static Assessment check(Target target, TargetPaths paths, Collection<io.routesync.model.TableId> tables, HostPlan plan,
            Duration timeout) throws TransportException, OutputException {
        return assess(ManagementProbe.read(target, paths, tables, timeout), plan);
    }

    /** Assesses {@code plan} on what {@code probe} found (in a run of its own, or in the apply's session). */
    public static Assessment assess(ManagementProbe probe, HostPlan plan) {
        if (probe.peer() == null) return Assessment.notOverSsh();
        return assess(probe.peer(), probe.observed(), plan);
    }

    /**
     * Pure: {@code now} needs the rules, table local, and the routes containing the peer's address in
     * every table a rule looks up and every table the plan touches (what {@link ManagementProbe} reads).
     */
    public static Assessment assess(SshPeer peer, Observed now, HostPlan plan) {
        // the reply as a flow, in the syntax explain and expect: use: tcp from the ssh address and port to the client's
        Query reply = new Flow.Builder().from(peer.server()).to(peer.client()).ipProto(TCP).ports(peer.serverPort(), peer.clientPort())
                .build().query();
        LookupResult before = Lookup.resolve(Fib.of(now), reply);
        LookupResult after;
        try {
            after = Lookup.resolve(Fib.of(Simulator.apply(now, relevant(plan, peer))), reply);
        } catch (SimulationException e) {
            return Assessment.refused(peer, before, null, "the host changed while the management path was checked ("
                    + e.getMessage() + "); run apply again");
        }
        String path = "the reply path of this ssh connection (" + peer.server() + " to " + peer.client() + ")";
        boolean same = sameNeighbour(before, after, peer);
        if (after.uncertainty() != null && !same) {
            return Assessment.refused(peer, before, after, path + " would depend on the kernel's multipath hash: " + after.uncertainty());
        }
        if (same) return Assessment.allowed(peer, before, after, null);
        if (!before.delivers() && after.delivers()) {
            // the simulation cannot see how the host reaches the peer now (we are connected, so it does):
            // a plan that makes the path explicit is not a reason to refuse
            return Assessment.allowed(peer, before, after, "the simulation found no reply path on the host as it is ("
                    + LookupText.verdict(before) + "); after the apply: " + LookupText.verdict(after));
        }
        String was = LookupText.verdict(before);
        String would = LookupText.verdict(after);
        String why = after.delivers() ? path + " would move from " + was + " to " + would
                : path + " would be cut: " + would + (after.rule() != null ? " (rule " + LookupText.rule(after.rule(), Names.builtin()) + ")" : "");
        return Assessment.refused(peer, before, after, why + "; the host could become unreachable");
    }

    /**
     * Whether the reply is handed to the same neighbour: the same way ({@link LookupResult#sameWay}),
     * or paths that differ only in naming the peer as their gateway. The connected route to the peer
     * and a route "via PEER" on the same device send the same frames to the same neighbour (the
     * seed recipe's "default via GATEWAY" on a host managed from that gateway does just that).
     */
    static boolean sameNeighbour(LookupResult before, LookupResult after, SshPeer peer) {
        if (before.sameWay(after)) return true;
        // a planned route "via GW" without dev leaves the device to the kernel, which reaches GW the way
        // it reaches it now: only the gateways can be compared (docs/route-identity.md)
        boolean kernelPicksDevice = after.paths().stream().anyMatch(h -> h.via() != null && h.dev() == null);
        if (before.verdict() != after.verdict() || !before.delivers()) return false;
        if (kernelPicksDevice) return gateways(before, peer).equals(gateways(after, peer));
        if (!Objects.equals(before.dev(), after.dev())) return false;
        return neighbours(before, peer).equals(neighbours(after, peer));
    }

    private static Set<IpAddress> gateways(LookupResult r, SshPeer peer) {
        Set<IpAddress> out = new HashSet<>();
        for (NextHop h : r.paths()) out.add(h.via() != null ? h.via() : peer.client());
        return out;
    }

    private record Neighbour(IpAddress address, Interface dev) {
    }

    private static Set<Neighbour> neighbours(LookupResult r, SshPeer peer) {
        Set<Neighbour> out = new HashSet<>();
        for (NextHop h : r.paths()) out.add(new Neighbour(h.via() != null ? h.via() : peer.client(), h.dev()));
        return out;
    }

    /**
     * The plan's changes that can matter for the reply, and apply to a probe (which holds only the
     * routes containing the peer): every rule change of the peer's family, route changes of routes
     * that contain the peer. Table names do not route anything.
     */
    static List<Change> relevant(HostPlan plan, SshPeer peer) {
        List<Change> out = new ArrayList<>();
        for (Change c : plan.changes()) {
            Entry e = c.entry();
            if (e instanceof Rule && ((Rule) e).family() == peer.client().family()) out.add(c);
            if (e instanceof Route && ((Route) e).dst().contains(peer.client())) out.add(c);
        }
        return out;
    }
}
