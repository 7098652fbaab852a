package io.routesync.lookup;

import io.routesync.iproute2.Names;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as a user names it: the selectors {@code explain} takes and {@code expect:} entries use
 * ({@code from}, {@code to}, {@code iif}, {@code oif}, {@code fwmark}, {@code uid}, {@code ipproto},
 * {@code sport}, {@code dport}, {@code tos}), and the management-path check builds for its ssh reply.
 * One syntax, one parser ({@link Builder#set}), one meaning ({@link #query}). A flow without
 * {@code iif} is sent by this host; with it, it is forwarded.
 */
public record Flow(IpAddress to, IpAddress from, Interface iif, Interface oif, long fwmark, long uid, int ipProto,
        int sport, int dport, int tos) {

    /** The selectors, in the order messages and {@code ip route get} name them. */
    public static final List<String> SELECTORS = List.of("to", "from", "iif", "oif", "fwmark", "uid", "ipproto", "sport", "dport", "tos");

    /** The packet the kernel routes for this flow. */
    public Query query() {
        Query q = iif == null ? Query.sent(from, to) : Query.forwarded(iif, from, to);
        if (oif != null) q = q.withOif(oif);
        return q.withMark(fwmark).withUid(uid).withFlow(ipProto, sport, dport).withTos(tos);
    }

    /**
     * The arguments of {@code ip route get} that ask the kernel about this flow (after {@code route get});
     * every word is an address, an interface name or a number.
     */
    public List<String> routeGetArgs() {
        List<String> a = new ArrayList<>(List.of(to.toString()));
        if (from != null) a.addAll(List.of("from", from.toString()));
        if (iif != null) a.addAll(List.of("iif", iif.name()));
        if (oif != null) a.addAll(List.of("oif", oif.name()));
        if (fwmark != 0) a.addAll(List.of("mark", "0x" + Long.toHexString(fwmark)));
        if (tos != 0) a.addAll(List.of("tos", String.format("0x%02x", tos)));
        if (ipProto != 0) a.addAll(List.of("ipproto", Integer.toString(ipProto)));
        if (sport != 0) a.addAll(List.of("sport", Integer.toString(sport)));
        if (dport != 0) a.addAll(List.of("dport", Integer.toString(dport)));
        // a forwarded packet is routed with uid 0; ip route get would send none
        a.addAll(List.of("uid", Long.toString(iif != null ? 0 : uid)));
        return a;
    }

    /**
     * The selectors this flow sets, in {@link #SELECTORS} order, each as the text {@link Builder#set}
     * reads back to the same flow (a plan file keeps flows so; {@code --json} shows them so).
     */
    public Map<String, String> selectors() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("to", to.toString());
        if (from != null) s.put("from", from.toString());
        if (iif != null) s.put("iif", iif.name());
        if (oif != null) s.put("oif", oif.name());
        if (fwmark != 0) s.put("fwmark", "0x" + Long.toHexString(fwmark));
        if (uid != 0) s.put("uid", Long.toString(uid));
        if (ipProto != 0) s.put("ipproto", Names.builtin().ipProtoName(ipProto));
        if (sport != 0) s.put("sport", Integer.toString(sport));
        if (dport != 0) s.put("dport", Integer.toString(dport));
        if (tos != 0) s.put("tos", String.format("0x%02x", tos));
        return s;
    }

    /** The flow in its own syntax, for messages: {@code from 192.168.2.10 to 203.0.113.5 iif wg0}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (from != null) s.append("from ").append(from).append(' ');
        s.append("to ").append(to);
        if (iif != null) s.append(" iif ").append(iif);
        if (oif != null) s.append(" oif ").append(oif);
        if (fwmark != 0) s.append(" fwmark 0x").append(Long.toHexString(fwmark));
        if (uid != 0) s.append(" uid ").append(uid);
        if (ipProto != 0) s.append(" ipproto ").append(Names.builtin().ipProtoName(ipProto));
        if (sport != 0) s.append(" sport ").append(sport);
        if (dport != 0) s.append(" dport ").append(dport);
        if (tos != 0) s.append(String.format(" tos 0x%02x", tos));
        return s.toString();
    }

    /**
     * Builds a flow selector by selector. {@link #set} parses one selector's text the one way routesync
     * reads it; every mistake is an {@link InvalidValueException} whose message names the value, and
     * {@link #build} checks the selectors together.
     */
    public static final class Builder {
        private IpAddress to;
        private IpAddress from;
        private Interface iif;
        private Interface oif;
        private long fwmark;
        private long uid;
        private int ipProto;
        private int sport;
        private int dport;
        private int tos;

        public Builder to(IpAddress v) { to = v; return this; }
        public Builder from(IpAddress v) { from = v; return this; }
        public Builder ipProto(int v) { ipProto = v; return this; }
        public Builder ports(int source, int destination) { sport = source; dport = destination; return this; }

        /** Sets selector {@code key} (one of {@link #SELECTORS}) from its text. */
        public Builder set(String key, String text) {
            switch (key) {
                case "to": to = IpAddress.parse(text); break;
                case "from": from = IpAddress.parse(text); break;
                case "iif": iif = Interface.of(text); break;
                case "oif": oif = Interface.of(text); break;
                case "fwmark": fwmark = number(text, 0xffff_ffffL, "fwmark", "a mark from 0 to 0xffffffff (16 or 0x10)"); break;
                case "uid": uid = number(text, 0xffff_ffffL, "uid", "a user id from 0 to 4294967295"); break;
                case "ipproto": ipProto = ipProto(text); break;
                case "sport": sport = (int) number(text, 65535, "sport", "a port from 1 to 65535"); break;
                case "dport": dport = (int) number(text, 65535, "dport", "a port from 1 to 65535"); break;
                case "tos": tos = tos(text); break;
                default: throw new IllegalArgumentException("not a flow selector: " + key);
            }
            return this;
        }

        /** The flow; its selectors must fit together (a destination, one family, ports with a protocol). */
        public Flow build() {
            if (to == null) throw new InvalidValueException("the flow has no destination", "to: ADDRESS");
            if (from != null && from.family() != to.family()) {
                throw new InvalidValueException("source " + from + " and destination " + to + " are of different families",
                        "two IPv4 or two IPv6 addresses");
            }
            if (iif != null && uid != 0) {
                throw new InvalidValueException("uid applies to packets the host sends; a forwarded packet (iif) is routed with uid 0",
                        "uid without iif, or iif without uid");
            }
            if (ipProto == 0 && (sport != 0 || dport != 0)) {
                throw new InvalidValueException("sport/dport need ipproto", "ipproto: tcp (or udp, sctp, ...) with the ports");
            }
            return new Flow(to, from, iif, oif, fwmark, uid, ipProto, sport, dport, tos);
        }

        private static long number(String text, long max, String what, String expected) {
            long n = -1;
            try {
                n = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (n < 0 || n > max) throw new InvalidValueException(what + " '" + text + "' is not a number from 0 to " + max, expected);
            return n;
        }

        private static int ipProto(String text) {
            int n = Names.builtin().ipProto(text);
            if (n < 0) throw new InvalidValueException("ipproto '" + text + "' is not an IP protocol", "tcp, udp, icmp or 1-255");
            return n;
        }

        private static int tos(String text) {
            int n = Names.builtin().dsfield(text);
            if (n < 0) throw new InvalidValueException("tos '" + text + "' is not a TOS value", "0x10, AF11, ...");
            return n;
        }
    }
}
