package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.lookup.Explanation;
import io.routesync.lookup.LookupText;
import io.routesync.lookup.Query;
import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.Ownership;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.render.PolicyDot;
import io.routesync.plan.SimulationException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routesync explain}: which rule and route one packet takes on the live host and, with a desired
 * state, after apply. The live side is the kernel's lookup simulated over what a read of the host
 * returns, so it agrees with {@code ip route get}; the desired side is the same lookup over the host
 * with the plan applied.
 */
@Command(name = "explain", sortOptions = false,
        description = "Show which rule matches a packet and which route it takes: on the live host and, with -f,"
                + " after apply, side by side. Changes nothing.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StateOptions state;

    @Mixin
    TargetOptions target;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "The packet's destination.")
    String to;

    @Option(names = "--from", paramLabel = "ADDRESS",
            description = "Its source (an address of the host for a packet the host sends; any for --iif).")
    String from;

    @Option(names = "--iif", paramLabel = "IF", description = "The packet arrives on this interface (forwarded); default: sent by the host.")
    String iif;

    @Option(names = "--oif", paramLabel = "IF", description = "The sender bound this output interface.")
    String oif;

    @Option(names = "--fwmark", paramLabel = "MARK", description = "The packet's firewall mark (0x10 or 16).")
    String fwmark;

    @Option(names = "--uid", paramLabel = "UID", description = "The sending user (default 0; forwarded packets have none).")
    long uid;

    @Option(names = "--ipproto", paramLabel = "PROTO", description = "tcp, udp, icmp, ... or a number; rules with ipproto/ports only match with it.")
    String ipproto;

    @Option(names = "--sport", paramLabel = "PORT", description = "Source port.")
    int sport;

    @Option(names = "--dport", paramLabel = "PORT", description = "Destination port.")
    int dport;

    @Option(names = "--tos", paramLabel = "TOS", description = "IPv4 TOS / IPv6 traffic class (0x10, or a name such as AF11).")
    String tos;

    @Option(names = "--ifgroup", paramLabel = "IF=GROUP",
            description = "An interface's group for suppress_ifgroup rules (a read does not include groups; default 0).")
    Map<String, Integer> groups = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = {"text (default), dot (a Graphviz picture of the live policy with this packet's path highlighted:"
                    + " the rules that matched, the table, route and next hop) or svg (that picture rendered; needs Graphviz's dot)."})
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat f = OutputFormat.choose(format, false, "text", List.of("text", "dot", "svg"));
        java.nio.file.Path dot = f == OutputFormat.SVG ? Graphviz.require() : null;
        Query query = query();
        LoadedState loaded = state.hasStateFiles() ? state.load() : null;
        if (loaded != null) for (Diagnostic w : loaded.warnings()) err.println(w.format());
        Reconciler reconciler = Hosts.reconciler(target);
        HostPlan plan = null;
        Set<TableId> always = new TreeSet<>(List.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT));
        if (loaded != null) {
            Ownership ownership = state.ownership(loaded);
            try {
                // the plan comes from the same read apply would make, so it is the plan apply would run
                HostReading reading = reconciler.observe(loaded.state());
                plan = reconciler.plan(loaded.state(), reading, ownership);
                always.addAll(reading.observed().tablesRead());
            } catch (Exception e) {
                throw Failures.of(e);
            }
            for (Rule r : loaded.state().rules()) if (r.table() != null) always.add(r.table());
        }
        HostReading live = LiveState.read(reconciler.target(), target.paths(), target, always);
        Explanation e;
        try {
            e = Explanation.of(live.observed(), plan, query, interfaceGroups());
        } catch (SimulationException changed) {
            throw new UserError(ExitCodes.FAILED, reconciler.target().name() + " changed while it was read ("
                    + changed.getMessage() + "); run explain again");
        }
        Names names = loaded != null ? loaded.names() : live.names();
        if (f.isPicture()) {
            Set<TableId> owned = new TreeSet<>();
            if (loaded != null) owned.addAll(loaded.state().ownedTables());
            else for (io.routesync.model.TableName n : live.observed().managedTableNames()) owned.add(n.id());
            String packet = query + (query.isForwarded() ? " (forwarded)" : " (sent by this host)");
            var routes = LiveState.byTable(live.observed().routes(), live.observed().tablesRead());
            Names drawn = names.withProtocol(Ownership.PROTOCOL_NAME, state.protocolTag);
            PolicyDot.Marks marks = PolicyDot.Marks.of(new Ownership(owned, state.protocolTag));
            String host = reconciler.target().name();
            // with a desired state: the plan drawn over the live policy, the packet's path now and after apply
            String picture = plan == null
                    ? PolicyDot.explain(host, packet, live.observed().rules(), routes, e.live(), drawn, marks)
                    : PolicyDot.explain(host, packet, live.observed().rules(), routes, plan, e.live(), e.desired(), drawn, marks);
            out.print(f == OutputFormat.SVG ? Graphviz.svg(dot, picture) : picture);
            return ExitCodes.OK;
        }
        out.println("explain: " + query + (query.isForwarded() ? " (forwarded)" : " (sent by this host)")
                + " on " + reconciler.target().name());
        out.println();
        out.print(LookupText.sideBySide(e, names));
        if (query.ipProto() == 0 && hasTransportSelector(live.observed().rules(), query)) {
            out.println("\nnote: no --ipproto was given, so rules with ipproto, sport or dport did not match;"
                    + (query.family() == io.routesync.model.Family.INET ? " ip route get assumes UDP for IPv4." : ""));
        }
        return ExitCodes.OK;
    }

    private static boolean hasTransportSelector(List<Rule> rules, Query q) {
        return rules.stream().anyMatch(r -> r.family() == q.family() && (r.ipProto() != 0 || r.sport() != null || r.dport() != null));
    }

    private Query query() throws UserError {
        try {
            IpAddress dst = IpAddress.parse(to);
            IpAddress src = from == null ? null : IpAddress.parse(from);
            Query q = iif == null ? Query.sent(src, dst) : Query.forwarded(Interface.of(iif), src, dst);
            if (iif != null && uid != 0) throw new UserError(ExitCodes.USAGE, "--uid applies to packets the host sends; a forwarded packet (--iif) is routed with uid 0");
            if (oif != null) q = q.withOif(Interface.of(oif));
            if (fwmark != null) q = q.withMark(number(fwmark, "--fwmark"));
            q = q.withUid(uid);
            int proto = 0;
            if (ipproto != null) {
                proto = Names.builtin().ipProto(ipproto);
                if (proto < 0) throw new UserError(ExitCodes.USAGE, "--ipproto '" + ipproto + "' is not an IP protocol (tcp, udp, icmp or 1-255)");
            } else if (sport != 0 || dport != 0) {
                throw new UserError(ExitCodes.USAGE, "--sport/--dport need --ipproto (tcp or udp)");
            }
            q = q.withFlow(proto, sport, dport);
            if (tos != null) {
                int t = Names.builtin().dsfield(tos);
                if (t < 0) throw new UserError(ExitCodes.USAGE, "--tos '" + tos + "' is not a TOS value (0x10, AF11, ...)");
                q = q.withTos(t);
            }
            return q;
        } catch (InvalidValueException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage() + (e.expected().isEmpty() ? "" : " (expected " + e.expected() + ")"));
        }
    }

    private static long number(String text, String option) throws UserError {
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCodes.USAGE, option + " '" + text + "' is not a number (decimal or 0x hex)");
        }
    }

    private Map<Interface, Integer> interfaceGroups() throws UserError {
        Map<Interface, Integer> out = new LinkedHashMap<>();
        try {
            groups.forEach((dev, group) -> out.put(Interface.of(dev), group));
        } catch (InvalidValueException e) {
            throw new UserError(ExitCodes.USAGE, "--ifgroup: " + e.getMessage());
        }
        return out;
    }
}
