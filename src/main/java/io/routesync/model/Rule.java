package io.routesync.model;

import java.util.Objects;

/**
 * One policy routing rule ({@code ip rule}). Always canonical: {@code from all} is a null prefix,
 * unset numeric selectors hold their "unset" value, so two rules the kernel treats as the same
 * compare equal once their {@link #protocol} is set aside ({@link #identity()}).
 *
 * <p>Unset values: {@code priority} null (desired state only: the kernel picks one), {@code tos},
 * {@code ipProto}, {@code tunId}, {@code realms} 0, {@code suppressPrefixLength} and
 * {@code suppressIfgroup} -1, {@code protocol} -1 (not known).
 */
public record Rule(
        Family family,
        Priority priority,
        boolean not,
        Prefix from,
        Prefix to,
        int tos,
        FwMark fwmark,
        Interface iif,
        Interface oif,
        UidRange uidRange,
        int ipProto,
        PortRange sport,
        PortRange dport,
        boolean l3mdev,
        long tunId,
        RuleAction action,
        TableId table,
        Priority gotoTarget,
        int suppressPrefixLength,
        int suppressIfgroup,
        long realms,
        int protocol) implements Entry {

    public static final int PROTOCOL_UNSPEC = 0;
    public static final int PROTOCOL_KERNEL = 2;

    public Rule {
        if (family == null) throw new NullPointerException("family");
        if (action == null) {
            throw new InvalidValueException("a rule needs an action",
                    "one of: table NAME|ID (lookup), goto PRIORITY, nop, blackhole, unreachable, prohibit");
        }
        // a zero-length prefix matches everything whatever its address bits; the kernel keeps no address for it
        if (from != null && from.length() == 0) from = null;
        if (to != null && to.length() == 0) to = null;
        checkFamily(family, from, "from");
        checkFamily(family, to, "to");
        if (tos < 0 || tos > 255) throw new InvalidValueException("tos " + tos + " is out of range", "a value from 0x00 to 0xff");
        if (ipProto < 0 || ipProto > 255) {
            throw new InvalidValueException("ipproto " + ipProto + " is out of range", "a protocol name (tcp, udp, icmp) or 0-255");
        }
        if (tunId < 0) throw new InvalidValueException("tun_id " + tunId + " is out of range", "a non-negative number");
        if (suppressPrefixLength < -1 || suppressPrefixLength > family.bits()) {
            throw new InvalidValueException("suppress_prefixlength " + suppressPrefixLength + " is out of range",
                    "a prefix length from 0 to " + family.bits());
        }
        if (suppressIfgroup < -1) {
            throw new InvalidValueException("suppress_ifgroup " + suppressIfgroup + " is out of range", "a group number");
        }
        if (realms < 0 || realms > 0xffff_ffffL) {
            throw new InvalidValueException("realms value out of range", "FROM/TO with each from 0 to 65535");
        }
        if (protocol < -1 || protocol > 255) {
            throw new InvalidValueException("protocol " + protocol + " is out of range", "a protocol name or 0-255");
        }
        switch (action) {
            case TABLE:
                if (table == null && !l3mdev) {
                    throw new InvalidValueException("a lookup rule needs a table", "table NAME|ID");
                }
                if (table != null && l3mdev) {
                    throw new InvalidValueException("an l3mdev rule looks up the device's table; it takes no table",
                            "either l3mdev or table, not both");
                }
                if (gotoTarget != null) throw new InvalidValueException("a rule has exactly one action", "table or goto, not both");
                break;
            case GOTO:
                if (gotoTarget == null) throw new InvalidValueException("a goto rule needs a target priority", "goto PRIORITY");
                if (table != null) throw new InvalidValueException("a rule has exactly one action", "table or goto, not both");
                if (priority != null && gotoTarget.value() <= priority.value()) {
                    throw new InvalidValueException("goto " + gotoTarget + " must jump forward, past priority " + priority,
                            "a goto target greater than the rule's own priority");
                }
                break;
            default:
                if (table != null || gotoTarget != null) {
                    throw new InvalidValueException("a rule has exactly one action",
                            action.word() + " alone, without table or goto");
                }
        }
        if (l3mdev && action != RuleAction.TABLE) {
            throw new InvalidValueException("l3mdev only works with a lookup", "l3mdev without another action");
        }
    }

    private static void checkFamily(Family family, Prefix prefix, String key) {
        if (prefix != null && prefix.family() != family) {
            throw new InvalidValueException(key + " " + prefix + " is " + describe(prefix.family()) + " but the rule is "
                    + describe(family), "addresses of one family per rule (family: inet6 for IPv6 rules)");
        }
    }

    private static String describe(Family f) {
        return f == Family.INET ? "IPv4" : "IPv6";
    }

    public static Builder builder(Family family) {
        return new Builder(family);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The kernel's identity of this rule: everything but the protocol tag. */
    public Rule identity() {
        return protocol == -1 ? this : toBuilder().protocol(-1).build();
    }

    /** This rule with another protocol. */
    public Rule withProtocol(int newProtocol) {
        return newProtocol == protocol ? this : toBuilder().protocol(newProtocol).build();
    }

    /** This rule with another (or no) priority. */
    public Rule withPriority(Priority newPriority) {
        return toBuilder().priority(newPriority).build();
    }

    /** True for the kernel's own rules (0 local, 32766 main, 32767 default) that must never be deleted. */
    public boolean isDefaultRule() {
        if (priority == null || action != RuleAction.TABLE || table == null) return false;
        if (not || from != null || to != null || tos != 0 || fwmark != null || iif != null || oif != null
                || uidRange != null || ipProto != 0 || sport != null || dport != null || l3mdev || tunId != 0
                || suppressPrefixLength != -1 || suppressIfgroup != -1 || realms != 0) {
            return false;
        }
        long p = priority.value();
        return (p == 0 && table.equals(TableId.LOCAL)) || (p == 32766 && table.equals(TableId.MAIN))
                || (p == 32767 && table.equals(TableId.DEFAULT) && family == Family.INET);
    }

    /** A mutable helper for parsers and the config loader; {@link #build()} validates. */
    public static final class Builder {
        private final Family family;
        private Priority priority;
        private boolean not;
        private Prefix from;
        private Prefix to;
        private int tos;
        private FwMark fwmark;
        private Interface iif;
        private Interface oif;
        private UidRange uidRange;
        private int ipProto;
        private PortRange sport;
        private PortRange dport;
        private boolean l3mdev;
        private long tunId;
        private RuleAction action;
        private TableId table;
        private Priority gotoTarget;
        private int suppressPrefixLength = -1;
        private int suppressIfgroup = -1;
        private long realms;
        private int protocol = -1;

        private Builder(Family family) {
            this.family = family;
        }

        private Builder(Rule r) {
            family = r.family; priority = r.priority; not = r.not; from = r.from; to = r.to; tos = r.tos;
            fwmark = r.fwmark; iif = r.iif; oif = r.oif; uidRange = r.uidRange; ipProto = r.ipProto;
            sport = r.sport; dport = r.dport; l3mdev = r.l3mdev; tunId = r.tunId; action = r.action;
            table = r.table; gotoTarget = r.gotoTarget; suppressPrefixLength = r.suppressPrefixLength;
            suppressIfgroup = r.suppressIfgroup; realms = r.realms; protocol = r.protocol;
        }

        public Family family() { return family; }
        public RuleAction action() { return action; }
        public Priority priority() { return priority; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder not(boolean v) { not = v; return this; }
        public Builder from(Prefix v) { from = v; return this; }
        public Builder to(Prefix v) { to = v; return this; }
        public Builder tos(int v) { tos = v; return this; }
        public Builder fwmark(FwMark v) { fwmark = v; return this; }
        public Builder iif(Interface v) { iif = v; return this; }
        public Builder oif(Interface v) { oif = v; return this; }
        public Builder uidRange(UidRange v) { uidRange = v; return this; }
        public Builder ipProto(int v) { ipProto = v; return this; }
        public Builder sport(PortRange v) { sport = v; return this; }
        public Builder dport(PortRange v) { dport = v; return this; }
        public Builder l3mdev(boolean v) { l3mdev = v; return this; }
        public Builder tunId(long v) { tunId = v; return this; }
        public Builder action(RuleAction v) { action = v; return this; }
        public Builder lookup(TableId v) { action = RuleAction.TABLE; table = v; return this; }
        public Builder gotoTarget(Priority v) { action = RuleAction.GOTO; gotoTarget = v; return this; }
        public Builder table(TableId v) { table = v; return this; }
        public Builder suppressPrefixLength(int v) { suppressPrefixLength = v; return this; }
        public Builder suppressIfgroup(int v) { suppressIfgroup = v; return this; }
        public Builder realms(long v) { realms = v; return this; }
        public Builder protocol(int v) { protocol = v; return this; }
        public int protocol() { return protocol; }

        public Rule build() {
            return new Rule(family, priority, not, from, to, tos, fwmark, iif, oif, uidRange, ipProto, sport, dport,
                    l3mdev, tunId, action, table, gotoTarget, suppressPrefixLength, suppressIfgroup, realms, protocol);
        }
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Rule r && Objects.equals(family, r.family) && Objects.equals(priority, r.priority)
                && not == r.not && Objects.equals(from, r.from) && Objects.equals(to, r.to) && tos == r.tos
                && Objects.equals(fwmark, r.fwmark) && Objects.equals(iif, r.iif) && Objects.equals(oif, r.oif)
                && Objects.equals(uidRange, r.uidRange) && ipProto == r.ipProto && Objects.equals(sport, r.sport)
                && Objects.equals(dport, r.dport) && l3mdev == r.l3mdev && tunId == r.tunId && Objects.equals(action, r.action)
                && Objects.equals(table, r.table) && Objects.equals(gotoTarget, r.gotoTarget)
                && suppressPrefixLength == r.suppressPrefixLength && suppressIfgroup == r.suppressIfgroup && realms == r.realms
                && protocol == r.protocol;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(family);
        h = 31 * h + Objects.hashCode(priority);
        h = 31 * h + Boolean.hashCode(not);
        h = 31 * h + Objects.hashCode(from);
        h = 31 * h + Objects.hashCode(to);
        h = 31 * h + tos;
        h = 31 * h + Objects.hashCode(fwmark);
        h = 31 * h + Objects.hashCode(iif);
        h = 31 * h + Objects.hashCode(oif);
        h = 31 * h + Objects.hashCode(uidRange);
        h = 31 * h + ipProto;
        h = 31 * h + Objects.hashCode(sport);
        h = 31 * h + Objects.hashCode(dport);
        h = 31 * h + Boolean.hashCode(l3mdev);
        h = 31 * h + Long.hashCode(tunId);
        h = 31 * h + Objects.hashCode(action);
        h = 31 * h + Objects.hashCode(table);
        h = 31 * h + Objects.hashCode(gotoTarget);
        h = 31 * h + suppressPrefixLength;
        h = 31 * h + suppressIfgroup;
        h = 31 * h + Long.hashCode(realms);
        h = 31 * h + protocol;
        return h;
    }
}
