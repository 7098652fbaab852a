package io.routesync.plan;

import io.routesync.model.Change;
import io.routesync.model.Ownership;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desired against observed rules. Rules are compared by {@link Rule#identity()} (all selectors, action
 * and priority); there is no replace, so a difference is an add and, for an owned rule, a delete. A
 * desired rule without priority is satisfied by a live rule equal to it at any priority. When the kernel
 * holds several rules a desired one matches, one is kept by a fixed preference and the owned rest go.
 */
final class RuleDiff {
    private final Ownership ownership;
    private final int tag;
    private final List<String> conflicts;
    private final List<Rule> live;
    /** For each live rule, the desired rule it stands for, or null. */
    private final Rule[] keptFor;
    private final List<Rule> toAdd = new ArrayList<>();

    private RuleDiff(List<Rule> observed, Ownership ownership, List<String> conflicts) {
        this.ownership = ownership;
        this.tag = ownership.protocolTag();
        this.conflicts = conflicts;
        this.live = observed;
        this.keptFor = new Rule[observed.size()];
    }

    /** The rule changes, unordered; contradictions go to {@code conflicts}. */
    static List<Change> diff(List<Rule> desired, List<Rule> observed, Ownership ownership, List<String> conflicts) {
        RuleDiff diff = new RuleDiff(List.copyOf(observed), ownership, conflicts);
        List<Rule> wanted = diff.distinct(desired);
        List<Rule> withPriority = new ArrayList<>();
        List<Rule> anyPriority = new ArrayList<>();
        for (Rule d : wanted) (d.priority() != null ? withPriority : anyPriority).add(d);
        // exact priorities claim their live rules first; then the rules the kernel numbers itself
        diff.matchExact(withPriority);
        diff.matchAnyPriority(anyPriority);
        diff.checkDesiredCollisions(withPriority);
        diff.settle();
        List<Change> changes = new ArrayList<>();
        for (Rule a : diff.toAdd) changes.add(Change.add(Adoption.tagged(a, diff.tag)));
        for (int i = 0; i < diff.live.size(); i++) {
            // default rules are never deleted, whatever the ownership says (Ownership.owns agrees)
            if (diff.deleted(i)) changes.add(Change.delete(diff.live.get(i)));
        }
        return changes;
    }

    /** The desired rules without repeats, in the total order so matching never depends on input order. */
    private List<Rule> distinct(List<Rule> desired) {
        Map<Rule, Rule> byIdentity = new LinkedHashMap<>();
        for (Rule given : desired) {
            // no protocol means routesync's own tag, so the two spellings are one rule
            Rule d = Adoption.tagged(given, tag);
            Rule other = byIdentity.putIfAbsent(d.identity(), d);
            if (other != null && other.protocol() != d.protocol()) {
                conflicts.add("the rule '" + EntryText.of(d.identity()) + "' is desired twice with different protocols ("
                        + Math.min(other.protocol(), d.protocol()) + " and " + Math.max(other.protocol(), d.protocol())
                        + "); declare it once");
            }
        }
        List<Rule> out = new ArrayList<>(byIdentity.values());
        out.sort(EntryEncoding.TOTAL_ORDER);
        return out;
    }

    private void matchExact(List<Rule> desired) {
        Map<Rule, List<Integer>> byIdentity = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            byIdentity.computeIfAbsent(live.get(i).identity(), k -> new ArrayList<>(1)).add(i);
        }
        for (Rule d : desired) {
            int best = -1;
            for (int i : byIdentity.getOrDefault(d.identity(), List.of())) {
                if (keptFor[i] == null && Adoption.protocolAgrees(d, live.get(i), tag) && better(d, i, best)) best = i;
            }
            keep(d, best);
        }
    }

    private void matchAnyPriority(List<Rule> desired) {
        if (desired.isEmpty()) return;
        Map<Rule, List<Integer>> byShape = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            byShape.computeIfAbsent(live.get(i).identity().withPriority(null), k -> new ArrayList<>(1)).add(i);
        }
        for (Rule d : desired) {
            int best = -1;
            for (int i : byShape.getOrDefault(d.identity(), List.of())) {
                if (keptFor[i] != null || !Adoption.protocolAgrees(d, live.get(i), tag)) continue;
                // the lowest priority is the one the kernel evaluates first: that is the one in effect
                int c = best < 0 ? -1 : live.get(i).priority().compareTo(live.get(best).priority());
                if (c < 0 || (c == 0 && better(d, i, best))) best = i;
            }
            keep(d, best);
        }
    }

    /** Prefers the live rule with exactly the protocol routesync would add, then the total order. */
    private boolean better(Rule desired, int candidate, int best) {
        if (best < 0) return true;
        boolean a = Adoption.sameProtocol(desired, live.get(candidate), tag);
        boolean b = Adoption.sameProtocol(desired, live.get(best), tag);
        if (a != b) return a;
        return EntryEncoding.TOTAL_ORDER.compare(live.get(candidate), live.get(best)) < 0;
    }

    private void keep(Rule desired, int live) {
        if (live >= 0) keptFor[live] = desired;
        else toAdd.add(desired);
    }

    /** Two desired rules the kernel would take for one another can never both exist. */
    private void checkDesiredCollisions(List<Rule> withPriority) {
        Map<RuleSlot, List<Rule>> bySlot = new HashMap<>();
        for (Rule d : withPriority) bySlot.computeIfAbsent(RuleSlot.of(d), k -> new ArrayList<>()).add(d);
        for (List<Rule> same : bySlot.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    Rule a = Adoption.tagged(same.get(i), tag);
                    Rule b = Adoption.tagged(same.get(j), tag);
                    if (RuleCollision.refuses(a, b) && RuleCollision.refuses(b, a)) {
                        conflicts.add("the desired rules '" + EntryText.of(a) + "' and '" + EntryText.of(b)
                                + "' cannot both exist: the kernel treats them as one rule (it ignores 'not' and"
                                + " the goto target); give them different priorities");
                    }
                }
            }
        }
    }

    /**
     * Works around the two ways the kernel matches rules more loosely than by identity
     * ({@link RuleCollision}), until nothing changes:
     * <ul>
     * <li>a rule to add that a live rule looks the same to: a live rule about to be deleted is fine
     * (ChangeOrder deletes it just before the add); a kept one of routesync's is deleted first and added
     * back after (ChangeOrder adds the looser rule first);
     * <li>a rule to delete whose {@code ip rule del} would hit a kept rule, if that came first: the kept
     * rule is deleted and added back too, which puts it after the rule to delete in the kernel's list.
     * </ul>
     * A foreign rule in the way is a conflict (never seen in practice: a rule either check finds shares
     * the table or the protocol with one routesync owns, so it is owned too).
     */
    private void settle() {
        Map<RuleSlot, List<Integer>> bySlot = new HashMap<>();
        for (int i = 0; i < live.size(); i++) bySlot.computeIfAbsent(RuleSlot.of(live.get(i)), k -> new ArrayList<>()).add(i);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule pending : List.copyOf(toAdd)) {
                Rule add = Adoption.tagged(pending, tag);
                if (add.priority() == null) continue;
                for (int i : bySlot.getOrDefault(RuleSlot.of(add), List.of())) {
                    if (keptFor[i] != null && RuleCollision.refuses(live.get(i), add)) changed |= unkeep(i, add);
                }
            }
            for (int d = 0; d < live.size(); d++) {
                if (!deleted(d)) continue;
                for (int i : bySlot.getOrDefault(RuleSlot.of(live.get(d)), List.of())) {
                    Rule in = live.get(i);
                    // an exact copy is gone either way; which copy the kernel removes does not matter
                    if (keptFor[i] != null && !in.equals(live.get(d)) && RuleCollision.deleteHits(live.get(d), in)) {
                        changed |= unkeep(i, live.get(d));
                    }
                }
            }
        }
        for (Rule pending : toAdd) {
            Rule add = Adoption.tagged(pending, tag);
            if (add.priority() == null) continue;
            for (int i : bySlot.getOrDefault(RuleSlot.of(add), List.of())) {
                Rule in = live.get(i);
                if (keptFor[i] == null && !deleted(i) && RuleCollision.refuses(in, add)) foreignInTheWay(in, add);
            }
        }
    }

    /** Deletes kept live rule {@code i} and adds its desired rule back; false when routesync may not. */
    private boolean unkeep(int i, Rule because) {
        Rule in = live.get(i);
        if (!ownership.owns(in) || in.isDefaultRule()) {
            foreignInTheWay(in, because);
            return false;
        }
        toAdd.add(keptFor[i]);
        keptFor[i] = null;
        return true;
    }

    private void foreignInTheWay(Rule in, Rule because) {
        conflicts.add("the rule '" + EntryText.of(in) + "', which routesync does not own, is in the way of '"
                + EntryText.of(because) + "': the kernel takes one for the other at priority " + in.priority()
                + "; give them different priorities");
    }

    private boolean deleted(int i) {
        Rule r = live.get(i);
        return keptFor[i] == null && ownership.owns(r) && !r.isDefaultRule();
    }
}
