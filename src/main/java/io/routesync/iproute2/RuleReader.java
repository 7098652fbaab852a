package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Priority;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one rule from words, either as {@code ip rule show} prints it (SHOW) or as {@code ip rule add}
 * takes it (ADD). Both share the selectors; they differ in keywords: show prints {@code PRIO:},
 * {@code lookup [l3mdev-table]} and state marks ({@code [detached]}, {@code [unresolved]}), add takes
 * aliases ({@code pref}, {@code table}, {@code dev}, {@code type}, ...). A word that is not understood is
 * an error with its index, never skipped. This class decides what the words mean and what the kernel
 * would refuse; {@link Keywords} says which keyword an added word is, {@link ValueWords} reads values.
 */
final class RuleReader {
    enum Mode { SHOW, ADD }

    private final List<String> words;
    private final Mode mode;
    private final Names names;
    private final FamilyCheck families;
    /** canonical keyword -> index of its first use, to refuse a keyword given twice */
    private final Map<String, Integer> seen = new HashMap<>();
    private final RuleFields f = new RuleFields();
    private int actionIndex = -1;
    private boolean explicitMask;
    /** true when the words named no action and the rule got iproute2's default, {@code lookup main} */
    private boolean defaultedAction;
    private int i;

    RuleReader(List<String> words, Mode mode, Family family, Names names) {
        this.words = words;
        this.mode = mode;
        this.names = names;
        this.families = new FamilyCheck("rule", family);
    }

    Rule read(int defaultProtocol) throws SyntaxException {
        if (words.isEmpty()) throw new SyntaxException(-1, "the rule is empty", "selectors and an action, such as: from 10.0.0.0/8 table 100");
        i = 0;
        if (mode == Mode.SHOW) readPriorityLabel();
        while (i < words.size()) {
            readWord(words.get(i));
            i++;
        }
        if (actionIndex < 0) {
            if (mode == Mode.SHOW) {
                throw new SyntaxException(-1, "rule without action: a rule needs exactly one action",
                        "one of: table NAME|ID (or lookup), goto PRIORITY, nop, blackhole, unreachable, prohibit, l3mdev");
            }
            // iprule_modify: "if (!table_ok && cmd == RTM_NEWRULE) req.frh.table = RT_TABLE_MAIN"
            f.action = RuleAction.TABLE;
            f.table = TableId.MAIN;
            defaultedAction = true;
        }
        if (f.protocol == -1) f.protocol = mode == Mode.SHOW ? Rule.PROTOCOL_UNSPEC : defaultProtocol;
        Family family = families.family();
        if (mode == Mode.ADD) checkKernelLimits(family);
        return f.build(family);
    }

    /** True after {@link #read} when the words had no action and the rule looks up table main, as iproute2 adds it. */
    boolean defaultedAction() {
        return defaultedAction;
    }

    /** What the kernel would refuse or silently drop (seen in namespaces), said before anything is applied. */
    private void checkKernelLimits(Family family) throws SyntaxException {
        if ((f.tos & 0x03) != 0) {
            throw new SyntaxException(valueOf("tos"), "tos " + Spelling.tos(f.tos) + " sets ECN bits, which the kernel refuses",
                    "a tos value with the two low bits clear, such as 0x10");
        }
        if (family == Family.INET && (f.tos & ~0x1c) != 0) {
            throw new SyntaxException(valueOf("tos"), "tos " + Spelling.tos(f.tos) + " is refused by the kernel in an IPv4 rule",
                    "an IPv4 rule tos of 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18 or 0x1c (TOS bits only)");
        }
        if (f.fwmark != null && f.fwmark.value() == 0 && (f.fwmark.mask() == 0 || !explicitMask)) {
            // the kernel drops a zero mark without a mask (and 0/0 matches every packet): it could never be read back
            throw new SyntaxException(valueOf("fwmark"), "fwmark " + words.get(valueOf("fwmark")) + " matches every packet, so the kernel ignores it",
                    "fwmark 0/0xffffffff to match packets without a mark, or no fwmark");
        }
        if ((f.suppressPrefixLength != -1 || f.suppressIfgroup != -1) && f.table == null) {
            // the kernel keeps them, but ip rule show prints them only beside "lookup TABLE": they could never be read back
            String key = f.suppressPrefixLength != -1 ? "suppress_prefixlength" : "suppress_ifgroup";
            throw new SyntaxException(seen.get(key), key + " only works with a table lookup",
                    "table NAME|ID together with " + key);
        }
        if (f.uidRange != null && f.uidRange.end() == 0xffff_ffffL) {
            throw new SyntaxException(valueOf("uidrange"), "uid 4294967295 is the kernel's 'invalid uid' and cannot be matched",
                    "a uid range ending at 4294967294 or below");
        }
        if (family == Family.INET6 && f.realms != 0) {
            throw new SyntaxException(valueOf("realms"), "realms exist only for IPv4 rules; the kernel drops them from IPv6 rules",
                    "no realms on an IPv6 rule");
        }
    }

    /** The index of the value after a keyword that was read. */
    private int valueOf(String key) {
        return seen.get(key) + 1;
    }

    private void readPriorityLabel() throws SyntaxException {
        String w = words.get(0);
        if (!w.endsWith(":")) throw new SyntaxException(0, "a rule line starts with 'PRIORITY:', not '" + w + "'", "such as 1000:");
        long p = Numbers.parseDecimal(w, 0, w.length() - 1, 0xffff_ffffL);
        if (p < 0) throw new SyntaxException(0, "'" + w + "' is not a rule priority", "0: to 4294967295:");
        f.priority = Priority.of(p);
        i = 1;
    }

    private void readWord(String w) throws SyntaxException {
        boolean add = mode == Mode.ADD;
        if (add) w = Keywords.ruleWord(w, i);
        switch (w) {
            case "not": once("not"); f.not = true; return;
            case "from": once("from"); f.from = families.prefix("from", next(), i); return;
            case "to": once("to"); f.to = families.prefix("to", next(), i); return;
            case "tos": once("tos"); f.tos = ValueWords.tos(names, next(), i); return;
            case "fwmark": once("fwmark"); fwmark(next()); return;
            case "iif": once("iif"); f.iif = ValueWords.iface("iif", next(), i); skipState("[detached]"); return;
            case "oif": once("oif"); f.oif = ValueWords.iface("oif", next(), i); skipState("[detached]"); return;
            case "uidrange": once("uidrange"); f.uidRange = ValueWords.uidRange(next(), i); return;
            case "ipproto": once("ipproto"); f.ipProto = ValueWords.ipProto(names, next(), i); return;
            case "sport": once("sport"); f.sport = ValueWords.ports("sport", next(), i); return;
            case "dport": once("dport"); f.dport = ValueWords.ports("dport", next(), i); return;
            case "tun_id": once("tun_id"); f.tunId = ValueWords.number("tun_id", next(), i, Long.MAX_VALUE, "a tunnel id (decimal or 0x hex)"); return;
            case "lookup": lookup(); return;
            case "suppress_prefixlength": suppressPrefixLength(); return;
            case "suppress_ifgroup": suppressIfgroup(); return;
            case "realms": realms(); return;
            case "goto": gotoAction(); return;
            case "nop": setAction(RuleAction.NOP); return;
            case "blackhole": case "6": setAction(RuleAction.BLACKHOLE); return;
            case "unreachable": case "7": setAction(RuleAction.UNREACHABLE); return;
            case "prohibit": case "8": setAction(RuleAction.PROHIBIT); return;
            case "proto": protocol(); return;
            default:
                break;
        }
        if (add) {
            switch (w) {
                case "priority": case "preference": case "pref": case "prio": case "order":
                    once("priority");
                    f.priority = Priority.of(ValueWords.number("priority", next(), i, 0xffff_ffffL, "a priority from 0 to 4294967295"));
                    return;
                case "dsfield": once("tos"); f.tos = ValueWords.tos(names, next(), i); return;
                case "dev": once("iif"); f.iif = ValueWords.iface("iif", next(), i); return;
                case "table": lookup(); return;
                case "l3mdev": once("l3mdev"); setAction(RuleAction.TABLE); f.l3mdev = true; return;
                case "sup_pl": suppressPrefixLength(); return;
                case "sup_group": suppressIfgroup(); return;
                case "realm": realms(); return;
                case "protocol": protocol(); return;
                case "type": typeAction(); return;
                default:
                    break;
            }
        }
        throw new SyntaxException(i, "'" + w + "' is not a rule selector, action or option that routesync understands",
                add ? "one of: " + String.join(", ", Keywords.RULE_WORDS) : "the tokens of ip rule show (iproute2 6.x)");
    }

    private String next() throws SyntaxException {
        if (i + 1 >= words.size()) {
            throw new SyntaxException(i, "'" + words.get(i) + "' needs a value after it", valueHint(words.get(i)));
        }
        return words.get(++i);
    }

    private static String valueHint(String keyword) {
        switch (keyword) {
            case "from": case "to": return keyword + " ADDRESS[/LENGTH] or " + keyword + " all";
            case "fwmark": return "fwmark VALUE[/MASK], such as fwmark 0x10/0xff";
            case "table": case "lookup": return keyword + " NAME|ID";
            case "uidrange": return "uidrange START-END";
            case "sport": case "dport": return keyword + " PORT or " + keyword + " START-END";
            default: return keyword + " VALUE";
        }
    }

    private void once(String key) throws SyntaxException {
        Integer first = seen.putIfAbsent(key, i);
        if (first != null) {
            // 'pref 6 order 7': name the two words as written, not the canonical 'priority'
            String was = words.get(first), now = words.get(i);
            if (!was.equals(now)) {
                throw new SyntaxException(i, "'" + was + "' and '" + now + "' both give the rule's " + key,
                        "each selector and option at most once");
            }
            throw new SyntaxException(i, "'" + key + "' is given twice", "each selector and option at most once");
        }
    }

    /** Skips a state mark that show prints after a value (the kernel's view, not configuration). */
    private void skipState(String mark) {
        if (mode == Mode.SHOW && i + 1 < words.size() && words.get(i + 1).equals(mark)) i++;
    }

    private void lookup() throws SyntaxException {
        once("table");
        setAction(RuleAction.TABLE);
        String t = next();
        if (mode == Mode.SHOW && t.equals("[l3mdev-table]")) {
            f.l3mdev = true;
            return;
        }
        f.table = ValueWords.table(names, t, i);
    }

    private void gotoAction() throws SyntaxException {
        setAction(RuleAction.GOTO);
        f.gotoTarget = Priority.of(ValueWords.number("goto", next(), i, 0xffff_ffffL, "goto PRIORITY, the priority of a later rule"));
        skipState("[unresolved]");
    }

    private void typeAction() throws SyntaxException {
        String t = Keywords.ruleWord(next(), i);
        // the action word is what a second action conflicts with
        switch (t) {
            case "goto": gotoAction(); return;
            case "nop": setAction(RuleAction.NOP); return;
            case "blackhole": setAction(RuleAction.BLACKHOLE); return;
            case "unreachable": setAction(RuleAction.UNREACHABLE); return;
            case "prohibit": setAction(RuleAction.PROHIBIT); return;
            default:
                throw new SyntaxException(i, "'" + t + "' is not a rule type", "type goto N, nop, blackhole, unreachable or prohibit");
        }
    }

    private void setAction(RuleAction a) throws SyntaxException {
        if (mode == Mode.SHOW && f.action == RuleAction.TABLE && a != RuleAction.TABLE && !f.l3mdev) {
            // show prints a rule's table before its type: a rule added as "table main blackhole" (as
            // systemd-networkd adds every typed rule) keeps the table, which the kernel ignores for that
            // action; the type is the action, and a delete without the table still finds the rule
            f.table = null;
            actionIndex = i;
            f.action = a;
            return;
        }
        if (actionIndex >= 0) {
            throw new SyntaxException(i, "a rule has exactly one action, but '" + words.get(i) + "' comes after '"
                    + words.get(actionIndex) + "'", "one of: table, goto, nop, blackhole, unreachable, prohibit, l3mdev");
        }
        actionIndex = i;
        f.action = a;
    }

    private void protocol() throws SyntaxException {
        once("protocol");
        f.protocol = ValueWords.protocol(names, next(), i);
    }

    private void suppressPrefixLength() throws SyntaxException {
        once("suppress_prefixlength");
        f.suppressPrefixLength = (int) ValueWords.number("suppress_prefixlength", next(), i, 128, "a prefix length from 0 to 128");
    }

    private void suppressIfgroup() throws SyntaxException {
        once("suppress_ifgroup");
        String g = next();
        int n = names.group(g);
        if (n < 0) throw new SyntaxException(i, "suppress_ifgroup '" + g + "' is not an interface group", "default or a group number");
        f.suppressIfgroup = n;
    }

    private void realms() throws SyntaxException {
        once("realms");
        f.realms = ValueWords.realms(names, next(), i);
    }

    private void fwmark(String t) throws SyntaxException {
        explicitMask = t.indexOf('/') >= 0;
        f.fwmark = ValueWords.fwmark(t, i);
    }
}
