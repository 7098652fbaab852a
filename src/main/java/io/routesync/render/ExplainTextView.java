package io.routesync.render;

import io.routesync.iproute2.Names;
import io.routesync.lookup.Explanation;
import io.routesync.lookup.LookupText;
import io.routesync.lookup.Query;
import io.routesync.model.Family;
import io.routesync.model.Rule;
import java.util.List;

/** {@code routesync explain}'s text: the packet's way on the live host and, with a desired state, after apply, side by side. */
public final class ExplainTextView {
    private ExplainTextView() {
    }

    /** The packet as both views title it: its fields and whether the host sends or forwards it. */
    static String packet(Query query) {
        return query + (query.isForwarded() ? " (forwarded)" : " (sent by this host)");
    }

    /** @param liveRules the host's rules, to note the rules a packet without --ipproto could not match */
    public static String render(String host, Explanation explanation, Names names, List<Rule> liveRules) {
        Query query = explanation.query();
        StringBuilder out = new StringBuilder();
        out.append("explain: ").append(packet(query)).append(" on ").append(host).append("\n\n");
        out.append(LookupText.sideBySide(explanation, names));
        if (query.ipProto() == 0 && hasTransportSelector(liveRules, query)) {
            out.append("\nnote: no --ipproto was given, so rules with ipproto, sport or dport did not match;")
                    .append(query.family() == Family.INET ? " ip route get assumes UDP for IPv4." : "").append('\n');
        }
        return out.toString();
    }

    private static boolean hasTransportSelector(List<Rule> rules, Query q) {
        return rules.stream().anyMatch(r -> r.family() == q.family() && (r.ipProto() != 0 || r.sport() != null || r.dport() != null));
    }
}
