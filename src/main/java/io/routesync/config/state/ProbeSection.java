package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import io.routesync.lookup.Expectation;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code probes:}, the health checks {@code apply --confirm} runs on the host before it keeps
 * a change: {@code - { ping: 192.168.2.1, from: 192.168.2.10 }}, {@code - { ping: 198.51.100.7, dev: eth1 }},
 * {@code - { tcp: 10.0.0.5, port: 443, timeout: 3 }}, {@code - { tcp: 10.0.0.5, port: 443, from: 10.0.0.2 }}. Every value is checked here to be an address,
 * an interface name or a number: what reaches the host are values, never shell text.
 */
final class ProbeSection {
    /** More probes than this on one host is not a health check but a scan. */
    static final int MAX_PROBES = 32;

    static final KeySet KEYS = new KeySet("a probe", List.of("ping", "tcp", "route", "port", "from", "dev", "via", "table", "type", "timeout"))
            .alias("src", "from").alias("source", "from").alias("device", "dev").alias("interface", "dev").alias("oif", "dev")
            .alias("host", "tcp").alias("to", "ping").alias("connect", "tcp").alias("wait", "timeout").alias("gateway", "via")
            .alias("gw", "via").alias("lookup", "table");

    /** The keys only a route probe takes: what the kernel must answer. */
    private static final List<String> ROUTE_ONLY = List.of("via", "table", "type");

    /** One file's probes: pings and connects, and route probes (a flow and what {@code ip route get} must answer). */
    record Read(List<Placed<Probe>> probes, List<Placed<Expectation>> routes) {
    }

    private final NodeReader reader;
    private final ExpectSection flows;

    /** @param flows reads a route probe's flow and outcome, as {@code expect:} entries are read */
    ProbeSection(NodeReader reader, ExpectSection flows) {
        this.reader = reader;
        this.flows = flows;
    }

    Read read(YamlNode node) {
        Read out = new Read(new ArrayList<>(), new ArrayList<>());
        List<YamlNode> items = reader.list(node, "probes", "one probe per item");
        if (items == null) return out;
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Mapping)) {
                reader.error(item.pos(), "a probe must be a mapping, not " + NodeReader.kind(item),
                        "{ ping: 192.168.2.1, from: 192.168.2.10 }, { tcp: 10.0.0.5, port: 443 } or { route: { to: 10.0.0.5 }, via: 10.0.0.1 }");
                continue;
            }
            YamlNode.Mapping m = (YamlNode.Mapping) item;
            if (m.field("route") != null) {
                Expectation e = route(m);
                if (e != null) out.routes().add(new Placed<>(e, item.pos()));
                continue;
            }
            Probe p = readOne(m);
            if (p != null) out.probes().add(new Placed<>(p, item.pos()));
        }
        return out;
    }

    /** A route probe: its flow and outcome are an expect: entry's; ping, tcp and their options do not belong. */
    private Expectation route(YamlNode.Mapping m) {
        if (!KEYS.check(m, reader.problems())) return null;
        boolean ok = true;
        for (String key : List.of("ping", "tcp", "port", "from", "timeout")) {
            YamlNode.Field f = m.field(key);
            if (f == null) continue;
            ok = false;
            reader.error(f.keyPos(), "a route probe asks the kernel where a flow goes; '" + key + "' is for ping and tcp probes",
                    key.equals("from") ? "the flow's source goes inside it: route: { from: ..., to: ... }"
                            : "{ route: { from: ..., to: ... }, via: ..., dev: ... } (the kernel answers at once: no timeout)");
        }
        return ok ? flows.route(m.field("route"), m) : null;
    }

    private Probe readOne(YamlNode.Mapping m) {
        int errorsBefore = reader.problems().errorCount();
        if (!KEYS.check(m, reader.problems())) return null;
        YamlNode.Field ping = m.field("ping");
        YamlNode.Field tcp = m.field("tcp");
        for (String key : ROUTE_ONLY) {
            YamlNode.Field f = m.field(key);
            if (f != null) {
                reader.error(f.keyPos(), "'" + key + "' is what a route probe's lookup must answer; this probe "
                        + (ping != null ? "pings" : "connects"), "{ route: { to: ADDRESS }, " + key + ": ... }");
            }
        }
        if ((ping == null) == (tcp == null)) {
            reader.error(m.pos(), ping == null ? "this probe has neither 'ping' nor 'tcp'" : "a probe either pings or connects, not both",
                    "{ ping: ADDRESS } or { tcp: ADDRESS, port: PORT }");
            return null;
        }
        Probe.Kind kind = ping != null ? Probe.Kind.PING : Probe.Kind.TCP;
        IpAddress target = address(ping != null ? ping : tcp);
        int port = 0;
        YamlNode.Field portField = m.field("port");
        if (kind == Probe.Kind.TCP) {
            if (portField == null) reader.error(m.pos(), "this tcp probe has no 'port'", "the port to connect to, e.g. port: 443");
            else port = number(portField, 1, 65535, "a port from 1 to 65535");
        } else if (portField != null) {
            reader.error(portField.keyPos(), "a ping probe has no port", "for a TCP connect write { tcp: ADDRESS, port: PORT }");
        }
        IpAddress from = null;
        Interface dev = null;
        for (String key : List.of("from", "dev")) {
            YamlNode.Field f = m.field(key);
            if (f == null) continue;
            if (kind == Probe.Kind.TCP && key.equals("dev")) {
                reader.error(f.keyPos(), "a tcp probe connects from an address, not out of an interface; 'dev' is for ping probes",
                        "{ tcp: ADDRESS, port: PORT, from: SOURCE } or { ping: ADDRESS, dev: ... }");
            } else if (key.equals("from")) {
                from = address(f);
            } else {
                dev = device(f);
            }
        }
        if (from != null && dev != null) {
            reader.error(m.field("dev").keyPos(), "a ping probe goes from an address or out of an interface, not both",
                    "keep 'from' (it tests the rules for that source) or 'dev'");
        }
        if (from != null && target != null && from.family() != target.family()) {
            reader.error(m.field("from").value().pos(), "source " + from + " and target " + target + " are of different families",
                    "a source of the target's family");
        }
        YamlNode.Field timeout = m.field("timeout");
        int seconds = timeout == null ? Probe.DEFAULT_SECONDS
                : number(timeout, 1, Probe.MAX_SECONDS, "seconds from 1 to " + Probe.MAX_SECONDS + " (the default is " + Probe.DEFAULT_SECONDS + ")");
        if (reader.problems().errorCount() > errorsBefore) return null;
        return new Probe(kind, target, port, from, dev, seconds);
    }

    private IpAddress address(YamlNode.Field f) {
        Token t = reader.word(f);
        if (t == null) return null;
        try {
            return IpAddress.parse(t.text());
        } catch (InvalidValueException e) {
            reader.error(t.pos(), "'" + f.key() + "' takes an address, not '" + t.text() + "'",
                    "an IPv4 or IPv6 address, e.g. 192.168.2.1 (probes do not resolve names)");
            return null;
        }
    }

    private Interface device(YamlNode.Field f) {
        Token t = reader.word(f);
        if (t == null) return null;
        try {
            return Interface.of(t.text());
        } catch (InvalidValueException e) {
            reader.error(t.pos(), e.getMessage(), e.expected());
            return null;
        }
    }

    private int number(YamlNode.Field f, int min, int max, String expected) {
        Token t = reader.word(f);
        if (t == null) return 0;
        String text = t.text();
        if (!DecimalWord.isDigits(text) || DecimalWord.leadingZero(text) != null || text.length() > 6
                || DecimalWord.value(text) < min || DecimalWord.value(text) > max) {
            reader.error(t.pos(), "'" + f.key() + "' is " + expected + ", not '" + text + "'", expected);
            return 0;
        }
        return (int) DecimalWord.value(text);
    }

    /**
     * Every file's probes in order, each once; more than {@link #MAX_PROBES}, the {@code routes} probes
     * counted after the others, is an error at the first one too many.
     */
    static List<Probe> merge(List<Placed<Probe>> all, List<Placed<Expectation>> routes, Problems problems) {
        List<Probe> out = new ArrayList<>();
        for (Placed<Probe> p : all) {
            if (out.contains(p.value())) continue;
            if (out.size() == MAX_PROBES) {
                tooMany(p.pos(), problems);
                return out;
            }
            out.add(p.value());
        }
        if (out.size() + routes.size() > MAX_PROBES) tooMany(routes.get(MAX_PROBES - out.size()).pos(), problems);
        return out;
    }

    private static void tooMany(SourcePos at, Problems problems) {
        problems.error(at, "more than " + MAX_PROBES + " probes for one host", "keep the few that prove the change works");
    }
}
