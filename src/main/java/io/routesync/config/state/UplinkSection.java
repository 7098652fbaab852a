package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands {@code uplinks:}, the seed article's recipe for an extra uplink with its own table:
 * {@code NET dev DEV src ADDR scope link} (IPv6: no scope), {@code default via GW dev DEV}, and the
 * rules {@code priority P from ADDR table T} and {@code priority P+1 to ADDR table T}.
 *
 * <p>Without {@code priority}, the n-th uplink of a file (0-based) gets 1000 + 10 * n: stable when
 * other files change, and far enough apart for the two rules each uplink needs.
 */
final class UplinkSection {
    static final long DEFAULT_PRIORITY = 1000;
    static final long PRIORITY_STEP = 10;

    static final KeySet KEYS = new KeySet("an uplink", List.of("dev", "address", "gateway", "table", "priority"))
            .alias("device", "dev").alias("interface", "dev").alias("addr", "address").alias("ip", "address")
            .alias("gw", "gateway").alias("via", "gateway").alias("pref", "priority");

    private final NodeReader reader;
    private final EntryParser parser;
    private final TableRefs tables;

    UplinkSection(NodeReader reader, EntryParser parser, TableRefs tables) {
        this.reader = reader;
        this.parser = parser;
        this.tables = tables;
    }

    List<Uplink> read(YamlNode node) {
        List<Uplink> out = new ArrayList<>();
        List<YamlNode> items = reader.list(node, "uplinks", "one uplink per item");
        if (items == null) return out;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            if (!(item instanceof YamlNode.Mapping)) {
                reader.error(item.pos(), "an uplink must be a mapping, not " + NodeReader.kind(item),
                        "{ dev: eth1, address: 192.168.2.10/24, gateway: 192.168.2.1, table: uplink2 }");
                continue;
            }
            Uplink u = readOne((YamlNode.Mapping) item, DEFAULT_PRIORITY + PRIORITY_STEP * i);
            if (u != null) out.add(u);
        }
        return out;
    }

    private Uplink readOne(YamlNode.Mapping m, long defaultPriority) {
        int errorsBefore = reader.problems().errorCount();
        KEYS.check(m, reader.problems());
        Token dev = required(m, "dev", "the uplink's interface, e.g. dev: eth1");
        Token address = required(m, "address", "the uplink's own address with its prefix length, e.g. address: 192.168.2.10/24");
        Token gateway = required(m, "gateway", "the uplink's next hop, e.g. gateway: 192.168.2.1");
        Token table = required(m, "table", "the table this uplink owns: a name declared under 'tables:' or a number");
        YamlNode.Field priorityField = m.field("priority");
        Token priorityToken = priorityField == null ? null : reader.word(priorityField);

        Prefix net = address == null ? null : address(address);
        IpAddress gw = gateway == null ? null : gateway(gateway, net);
        TableId tableId = table == null ? null : table(table);
        long priority = defaultPriority;
        SourcePos priorityPos = m.pos();
        if (priorityToken != null) {
            priority = priority(priorityToken);
            priorityPos = priorityToken.pos();
        }
        if (reader.problems().errorCount() > errorsBefore) return null;

        Family family = net.family();
        SourcePos at = m.pos();
        String addr = net.address().toString();
        Token devKey = new Token("dev", m.field("dev").keyPos());
        List<Token> subnet = new ArrayList<>(List.of(new Token(net.canonical().toString(), address.pos()), devKey, dev,
                new Token("src", address.pos()), new Token(addr, address.pos())));
        if (family == Family.INET) {
            subnet.add(new Token("scope", at));
            subnet.add(new Token("link", at));
        }
        List<Token> viaGateway = List.of(new Token("default", at), new Token("via", m.field("gateway").keyPos()), gateway,
                devKey, dev);
        Token p = new Token(Long.toString(priority), priorityPos);
        Token p1 = new Token(Long.toString(priority + 1), priorityPos);
        Token tableKey = new Token("table", m.field("table").keyPos());
        List<Token> fromRule = List.of(new Token("priority", priorityPos), p, new Token("from", address.pos()),
                new Token(addr, address.pos()), tableKey, table);
        List<Token> toRule = List.of(new Token("priority", priorityPos), p1, new Token("to", address.pos()),
                new Token(addr, address.pos()), tableKey, table);

        Route r1 = parser.route(subnet, family, tableId, at);
        Route r2 = parser.route(viaGateway, family, tableId, at);
        Rule q1 = parser.rule(fromRule, family, at);
        Rule q2 = parser.rule(toRule, family, at);
        if (r1 == null || r2 == null || q1 == null || q2 == null) return null;
        if (!net.contains(gw)) {
            reader.problems().warning(gateway.pos(), "gateway " + gw + " is outside the uplink's subnet "
                    + net.canonical() + "; the kernel refuses a gateway it cannot reach directly",
                    "check the gateway and the address's prefix length");
        }
        return new Uplink(at, priority, priorityPos, priorityToken != null, tableId, List.of(q1, q2), List.of(r1, r2));
    }

    private Token required(YamlNode.Mapping m, String key, String fix) {
        YamlNode.Field f = m.field(key);
        if (f == null) {
            reader.error(m.pos(), "this uplink has no '" + key + "'", fix);
            return null;
        }
        return reader.word(f);
    }

    private Prefix address(Token t) {
        if (t.text().indexOf('/') < 0) {
            reader.error(t.pos(), "address " + t.text() + " needs its prefix length",
                    "the address with the subnet's length, e.g. " + t.text() + "/24");
            return null;
        }
        try {
            return Prefix.parse(t.text());
        } catch (InvalidValueException e) {
            reader.error(t.pos(), e.getMessage(), e.expected());
            return null;
        }
    }

    private IpAddress gateway(Token t, Prefix net) {
        try {
            IpAddress gw = IpAddress.parse(t.text());
            if (net != null && gw.family() != net.family()) {
                reader.error(t.pos(), "gateway " + gw + " and address " + net + " are of different families",
                        "an " + (net.family() == Family.INET ? "IPv4" : "IPv6") + " gateway, like the address");
                return null;
            }
            return gw;
        } catch (InvalidValueException e) {
            reader.error(t.pos(), e.getMessage(), e.expected());
            return null;
        }
    }

    private TableId table(Token t) {
        TableId id = tables.resolve(t.text(), t.pos());
        if (id != null && id.isKernelTable()) {
            reader.error(t.pos(), "an uplink's table is owned by routesync, and '" + t.text() + "' is one of the kernel's own tables",
                    "a table of its own, declared under 'tables:' (e.g. uplink2: 102)");
            return null;
        }
        return id;
    }

    private long priority(Token t) {
        String text = t.text();
        long max = 0xffff_fffeL; // the 'to' rule takes priority + 1
        if (!DecimalWord.isDigits(text) || DecimalWord.leadingZero(text) != null || DecimalWord.value(text) > max) {
            reader.error(t.pos(), "uplink priority '" + text + "' is not a number from 0 to " + max,
                    "a number in digits 0-9 without leading zeros; the 'from' rule gets it and the 'to' rule the next one");
            return 0;
        }
        return DecimalWord.value(text);
    }
}
