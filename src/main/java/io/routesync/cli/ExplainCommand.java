package io.routesync.cli;

import io.routesync.apply.LivePlan;
import io.routesync.apply.LivePolicy;
import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Explanation;
import io.routesync.lookup.Query;
import io.routesync.model.DesiredState;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.Ownership;
import io.routesync.plan.SimulationException;
import io.routesync.render.ExplainDotView;
import io.routesync.render.ExplainTextView;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        DesiredState desired = loaded != null ? loaded.state() : null;
        Ownership ownership = loaded != null ? state.ownership(loaded) : null;
        LivePlan read;
        try {
            read = LivePlan.read(reconciler, desired, ownership);
        } catch (Exception e) {
            throw Failures.of(e);
        }
        HostReading live = read.live();
        Explanation e;
        try {
            e = Explanation.of(live.observed(), read.plan(), query, interfaceGroups());
        } catch (SimulationException changed) {
            throw new UserError(ExitCodes.FAILED, reconciler.target().name() + " changed while it was read ("
                    + changed.getMessage() + "); run explain again");
        }
        Names names = loaded != null ? loaded.names() : live.names();
        String host = reconciler.target().name();
        if (f.isPicture()) {
            LivePolicy p = LivePolicy.of(live, desired, names, state.protocolTag);
            String picture = ExplainDotView.render(host, p.rules(), p.routes(), read.plan(), e, p.names(), p.ownership());
            out.print(f == OutputFormat.SVG ? Graphviz.svg(dot, picture) : picture);
        } else {
            out.print(ExplainTextView.render(host, e, names, live.observed().rules()));
        }
        return ExitCodes.OK;
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
