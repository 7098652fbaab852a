package io.routesync.plan;

import io.routesync.model.FwMark;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Rule;
import io.routesync.model.UidRange;
import java.util.Objects;

/**
 * The kernel's test for "File exists" on {@code ip rule add} ({@code rule_exists()} in
 * net/core/fib_rules.c), which is looser than rule identity: {@code not} and the goto target are not
 * compared, and {@code from}, {@code to}, {@code tos} and {@code realms} only when the new rule sets
 * them. So "1000: lookup 100" cannot be added while "1000: from 10.0.0.0/8 lookup 100" exists (seen on
 * 6.18), and the planner must delete the old rule first. The protocol is compared (rules that differ
 * only in protocol coexist).
 */
final class RuleCollision {
    private static final UidRange ALL_UIDS = new UidRange(0, 0xffff_ffffL);
    private static final PortRange NO_PORTS = new PortRange(0, 0);

    private RuleCollision() {
    }

    /**
     * True when the kernel refuses to add {@code added}, protocol as given (-1 matches any), while
     * {@code existing} is in the list. A rule added without priority gets one only from the kernel, so
     * it is never predicted to collide here.
     */
    static boolean refuses(Rule existing, Rule added) {
        if (existing.family() != added.family()) return false;
        if (existing.priority() == null || !existing.priority().equals(added.priority())) return false;
        if (existing.action() != added.action() || !Objects.equals(existing.table(), added.table())) return false;
        if (!Objects.equals(existing.iif(), added.iif()) || !Objects.equals(existing.oif(), added.oif())) return false;
        if (!sameMark(existing.fwmark(), added.fwmark())) return false;
        if (existing.suppressIfgroup() != added.suppressIfgroup()
                || existing.suppressPrefixLength() != added.suppressPrefixLength()) {
            return false;
        }
        if (existing.tunId() != added.tunId() || existing.l3mdev() != added.l3mdev()) return false;
        if (!uids(existing).equals(uids(added)) || existing.ipProto() != added.ipProto()) return false;
        if (!ports(existing.sport()).equals(ports(added.sport())) || !ports(existing.dport()).equals(ports(added.dport()))) {
            return false;
        }
        int have = existing.protocol();
        int want = added.protocol();
        if (have != -1 && want != -1 && have != want) return false;
        // the per-family part: only what the new rule sets is compared
        if (isSet(added.from()) && !added.from().equals(existing.from())) return false;
        if (isSet(added.to()) && !added.to().equals(existing.to())) return false;
        if (added.tos() != 0 && added.tos() != existing.tos()) return false;
        return added.realms() == 0 || added.realms() == existing.realms();
    }

    /** How many of the selectors the kernel compares only when set a rule sets; fewer collides less when added first. */
    static int looseSelectors(Rule r) {
        return (isSet(r.from()) ? 1 : 0) + (isSet(r.to()) ? 1 : 0) + (r.tos() != 0 ? 1 : 0) + (r.realms() != 0 ? 1 : 0);
    }

    private static boolean isSet(Prefix p) {
        return p != null && p.length() > 0;
    }

    private static boolean sameMark(FwMark a, FwMark b) {
        long av = a == null ? 0 : a.value();
        long am = a == null ? 0 : a.mask();
        long bv = b == null ? 0 : b.value();
        long bm = b == null ? 0 : b.mask();
        return av == bv && am == bm;
    }

    private static UidRange uids(Rule r) {
        return r.uidRange() == null ? ALL_UIDS : r.uidRange();
    }

    private static PortRange ports(PortRange p) {
        return p == null ? NO_PORTS : p;
    }
}
