package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.TableId;

/**
 * One packet to route, with every field a rule selector can look at. A packet with an input interface
 * ({@code iif}) is being forwarded; one without is sent by this host, for which the kernel sets the
 * input interface to {@code lo} (so {@code iif lo} rules match local traffic).
 *
 * @param src         the source address, or null for none (0.0.0.0 / ::); IPv6 rules with {@code from}
 *                    never match a packet without one
 * @param oif         the output interface the sender bound to (or {@code ip route get ... oif}), or null
 * @param uid         the sending socket's user; forwarded packets have no socket and the kernel uses 0
 * @param ipProto     0 for none; with {@code sport}/{@code dport} (0 for none) for the port selectors
 * @param tos         IPv4 TOS byte / IPv6 traffic class
 * @param tunId       tunnel metadata id ({@code tun_id}); 0 for a packet that did not come from a tunnel
 * @param l3mdevTable the table of the VRF the packet's device belongs to, or null when there is none
 *                    ({@code l3mdev} rules match only then)
 */
public record Query(IpAddress dst, IpAddress src, Interface iif, Interface oif, long mark, long uid,
        int ipProto, int sport, int dport, int tos, long tunId, TableId l3mdevTable) {

    public static final Interface LOOPBACK = Interface.of("lo");

    public Query {
        if (dst == null) throw new NullPointerException("dst");
        if (src != null && src.family() != dst.family()) {
            throw new InvalidValueException("source " + src + " and destination " + dst + " are of different families",
                    "two IPv4 or two IPv6 addresses");
        }
        check(mark, 0xffff_ffffL, "mark");
        check(uid, 0xffff_ffffL, "uid");
        check(ipProto, 255, "ipproto");
        check(sport, 65535, "sport");
        check(dport, 65535, "dport");
        check(tos, 255, "tos");
        check(tunId, Long.MAX_VALUE, "tun_id");
    }

    private static void check(long value, long max, String what) {
        if (value < 0 || value > max) throw new InvalidValueException(what + " " + value + " is out of range", "0 to " + max);
    }

    /** A packet this host sends from {@code src} to {@code dst} (as root, no mark). */
    public static Query sent(IpAddress src, IpAddress dst) {
        return new Query(dst, src, null, null, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** A packet that arrived on {@code iif} from {@code src} for {@code dst}. */
    public static Query forwarded(Interface iif, IpAddress src, IpAddress dst) {
        return new Query(dst, src, iif, null, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** The packet's address family: its destination's. */
    public Family family() {
        return dst.family();
    }

    public boolean isForwarded() {
        return iif != null;
    }

    /** The input interface rules compare against: the given one, or {@code lo} for this host's own packets. */
    public Interface effectiveIif() {
        return iif != null ? iif : LOOPBACK;
    }

    /** The uid rules compare against: forwarded packets are routed with uid 0. */
    public long effectiveUid() {
        return iif != null ? 0 : uid;
    }

    public Query withSrc(IpAddress v) { return new Query(dst, v, iif, oif, mark, uid, ipProto, sport, dport, tos, tunId, l3mdevTable); }
    public Query withIif(Interface v) { return new Query(dst, src, v, oif, mark, uid, ipProto, sport, dport, tos, tunId, l3mdevTable); }
    public Query withOif(Interface v) { return new Query(dst, src, iif, v, mark, uid, ipProto, sport, dport, tos, tunId, l3mdevTable); }
    public Query withMark(long v) { return new Query(dst, src, iif, oif, v, uid, ipProto, sport, dport, tos, tunId, l3mdevTable); }
    public Query withUid(long v) { return new Query(dst, src, iif, oif, mark, v, ipProto, sport, dport, tos, tunId, l3mdevTable); }
    public Query withTos(int v) { return new Query(dst, src, iif, oif, mark, uid, ipProto, sport, dport, v, tunId, l3mdevTable); }
    public Query withTunId(long v) { return new Query(dst, src, iif, oif, mark, uid, ipProto, sport, dport, tos, v, l3mdevTable); }
    public Query withL3mdevTable(TableId v) { return new Query(dst, src, iif, oif, mark, uid, ipProto, sport, dport, tos, tunId, v); }

    /** This packet as a transport flow: protocol and ports (0 for none). */
    public Query withFlow(int proto, int sourcePort, int destinationPort) {
        return new Query(dst, src, iif, oif, mark, uid, proto, sourcePort, destinationPort, tos, tunId, l3mdevTable);
    }

    /** The packet as {@code ip route get} arguments would describe it (for messages). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(dst);
        if (src != null) s.append(" from ").append(src);
        if (iif != null) s.append(" iif ").append(iif);
        if (oif != null) s.append(" oif ").append(oif);
        if (mark != 0) s.append(" mark 0x").append(Long.toHexString(mark));
        if (iif == null && uid != 0) s.append(" uid ").append(uid);
        if (ipProto != 0) s.append(" ipproto ").append(ipProto);
        if (sport != 0) s.append(" sport ").append(sport);
        if (dport != 0) s.append(" dport ").append(dport);
        if (tos != 0) s.append(String.format(" tos 0x%02x", tos));
        if (tunId != 0) s.append(" tun_id ").append(tunId);
        return s.toString();
    }
}
