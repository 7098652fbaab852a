package io.routesync.plan;

import io.routesync.model.FwMark;
import io.routesync.model.Prefix;
import io.routesync.model.Rule;
import io.routesync.model.UidRange;
import java.util.Objects;

/**
 * How the kernel matches rules, which is looser than rule identity (net/core/fib_rules.c; all seen on
 * 6.18 in a namespace).
 *
 * <p>{@code ip rule add} fails with "File exists" ({@code rule_exists()}) when a rule equal in priority,
 * action, table, devices, mark, ports, ... and protocol exists; {@code not} and the goto target are not
 * compared, and {@code from}, {@code to}, {@code tos} and {@code realms} only when the new rule sets
 * them. So "1000: lookup 100" cannot be added while "1000: from 10.0.0.0/8 lookup 100" exists, and the
 * planner must delete the old rule first.
 *
 * <p>{@code ip rule del} removes the first rule in list order that matches every attribute given
 * ({@code rule_find()}): anything the rule to delete does not set is a wildcard, protocol 0 too, and
 * {@code not} and the goto target are never compared. So deleting "1000: lookup 100" removes
 * "1000: iif eth0 lookup 100" instead if that one comes first, and the planner must get such rules out
 * of the way.
 */
final class RuleCollision {
    private static final UidRange ALL_UIDS = new UidRange(0, 0xffff_ffffL);

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
        if (!Objects.equals(existing.sport(), added.sport()) || !Objects.equals(existing.dport(), added.dport())) {
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

    /**
     * True when {@code ip rule del} given every attribute of {@code spec} would remove {@code candidate}
     * if that came first in the list.
     */
    static boolean deleteHits(Rule spec, Rule candidate) {
        Rule r = candidate;
        if (spec.family() != r.family() || spec.priority() == null || !spec.priority().equals(r.priority())) return false;
        if (spec.action() != r.action()) return false;
        if (spec.table() != null && !spec.table().equals(r.table())) return false;
        if (spec.iif() != null && !spec.iif().equals(r.iif())) return false;
        if (spec.oif() != null && !spec.oif().equals(r.oif())) return false;
        if (spec.fwmark() != null) {
            FwMark have = r.fwmark() == null ? new FwMark(0, 0) : r.fwmark();
            if (spec.fwmark().value() != 0 && spec.fwmark().value() != have.value()) return false;
            if (spec.fwmark().mask() != 0 && spec.fwmark().mask() != have.mask()) return false;
        }
        if (spec.suppressPrefixLength() != -1 && spec.suppressPrefixLength() != r.suppressPrefixLength()) return false;
        if (spec.suppressIfgroup() != -1 && spec.suppressIfgroup() != r.suppressIfgroup()) return false;
        if (spec.tunId() != 0 && spec.tunId() != r.tunId()) return false;
        if (spec.l3mdev() && !r.l3mdev()) return false;
        if (spec.uidRange() != null && !spec.uidRange().equals(uids(r))) return false;
        if (spec.ipProto() != 0 && spec.ipProto() != r.ipProto()) return false;
        if (spec.protocol() > 0 && spec.protocol() != r.protocol()) return false;
        if (spec.sport() != null && !spec.sport().equals(r.sport())) return false;
        if (spec.dport() != null && !spec.dport().equals(r.dport())) return false;
        if (isSet(spec.from()) && !spec.from().equals(r.from())) return false;
        if (isSet(spec.to()) && !spec.to().equals(r.to())) return false;
        if (spec.tos() != 0 && spec.tos() != r.tos()) return false;
        return spec.realms() == 0 || spec.realms() == r.realms();
    }

    /**
     * How many attributes a rule sets that {@code ip rule del} compares only when given. A rule another's
     * delete would hit sets at least as many, so deleting the more specific first (and protocol 0, a
     * wildcard, last) never hits a rule that is itself still to be deleted.
     */
    static int specificity(Rule r) {
        int n = looseSelectors(r);
        if (r.table() != null) n++;
        if (r.iif() != null) n++;
        if (r.oif() != null) n++;
        if (r.fwmark() != null) n++;
        if (r.suppressPrefixLength() != -1) n++;
        if (r.suppressIfgroup() != -1) n++;
        if (r.tunId() != 0) n++;
        if (r.l3mdev()) n++;
        if (r.uidRange() != null) n++;
        if (r.ipProto() != 0) n++;
        if (r.sport() != null) n++;
        if (r.dport() != null) n++;
        return n;
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
}
