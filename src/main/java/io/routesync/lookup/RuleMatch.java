package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.IpAddress;
import io.routesync.model.Rule;

/**
 * Whether a rule's selectors match a packet: {@code fib_rule_match()} and the per-family
 * {@code fib4_rule_match()} / {@code fib6_rule_match()}. {@code not} inverts the whole result.
 */
final class RuleMatch {
    /** The TOS bits IPv4 routing compares (the kernel's legacy mask, 0x1c): the rest is ignored. */
    static final int IPV4_TOS_MASK = 0x1c;

    private RuleMatch() {
    }

    static boolean matches(Rule r, Query q) {
        return selectorsMatch(r, q) != r.not();
    }

    private static boolean selectorsMatch(Rule r, Query q) {
        if (r.iif() != null && !r.iif().equals(q.effectiveIif())) return false;
        // a packet only has an output interface when its sender bound one
        if (r.oif() != null && !r.oif().equals(q.oif())) return false;
        FwMark m = r.fwmark();
        if (m != null && ((m.value() ^ q.mark()) & m.mask()) != 0) return false;
        if (r.tunId() != 0 && r.tunId() != q.tunId()) return false;
        if (r.l3mdev() && q.l3mdevTable() == null) return false;
        long uid = q.effectiveUid();
        if (r.uidRange() != null && (uid < r.uidRange().start() || uid > r.uidRange().end())) return false;
        return r.family() == Family.INET ? inet(r, q) : inet6(r, q);
    }

    private static boolean inet(Rule r, Query q) {
        // a packet without source address has 0.0.0.0, which only "from 0.0.0.0/N" prefixes contain
        IpAddress src = q.src() != null ? q.src() : IpAddress.zero(Family.INET);
        if (r.from() != null && !r.from().contains(src)) return false;
        if (r.to() != null && !r.to().contains(q.dst())) return false;
        if (r.tos() != 0 && (r.tos() & IPV4_TOS_MASK) != (q.tos() & IPV4_TOS_MASK)) return false;
        return transport(r, q);
    }

    private static boolean inet6(Rule r, Query q) {
        if (r.to() != null && !r.to().contains(q.dst())) return false;
        // without a source address (RT6_LOOKUP_F_HAS_SADDR unset) a "from" rule never matches
        if (r.from() != null && (q.src() == null || !r.from().contains(q.src()))) return false;
        // IPv6 compares the whole DSCP (the traffic class without its two ECN bits)
        if (r.tos() != 0 && (r.tos() >> 2) != (q.tos() >> 2)) return false;
        return transport(r, q);
    }

    private static boolean transport(Rule r, Query q) {
        if (r.ipProto() != 0 && r.ipProto() != q.ipProto()) return false;
        if (r.sport() != null && !r.sport().contains(q.sport())) return false;
        return r.dport() == null || r.dport().contains(q.dport());
    }
}
