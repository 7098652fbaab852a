package io.routesync.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.lookup.Answer;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.lookup.ExpectationRun;
import java.util.List;
import java.util.Locale;

/**
 * The {@code expect:} flows in {@code --json} documents: for plan each flow simulated on the live host
 * and with the plan applied ({@link #planned}); for apply each flow as the host's kernel answered it
 * after the batch ({@link #kernel}). Every entry has the flow's {@code place}, its {@code flow} (the
 * selectors as written in {@code expect:}), the {@code expected} outcome, the answer(s) and a
 * {@code status}; docs/expectations.md lists the fields.
 */
public final class ExpectationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExpectationJson() {
    }

    /** plan: {@code live} and {@code desired} answers, {@code changed}, and the status under the plan. */
    public static ArrayNode planned(List<ExpectationRun.Compared> compared) {
        ArrayNode out = NODES.arrayNode();
        for (ExpectationRun.Compared c : compared) {
            ObjectNode n = head(c.expectation());
            n.set("live", answer(c.live()));
            n.set("desired", answer(c.desired().answer()));
            n.put("changed", c.changed());
            status(n, c.desired());
            out.add(n);
        }
        return out;
    }

    /** apply: the {@code kernel}'s answer ({@code ip route get}; null when it could not be read) and the status. */
    public static ArrayNode kernel(List<ExpectationCheck.Result> results) {
        ArrayNode out = NODES.arrayNode();
        for (ExpectationCheck.Result r : results) {
            ObjectNode n = head(r.expectation());
            n.set("kernel", r.answer() == null ? NODES.nullNode() : answer(r.answer()));
            status(n, r);
            out.add(n);
        }
        return out;
    }

    private static ObjectNode head(Expectation e) {
        ObjectNode n = NODES.objectNode();
        n.put("place", e.place());
        ObjectNode flow = n.putObject("flow");
        e.flow().selectors().forEach(flow::put);
        ObjectNode expected = n.putObject("expected");
        if (e.type() != null) expected.put("type", e.type());
        if (e.via() != null) expected.put("via", e.via().toString());
        if (e.dev() != null) expected.put("dev", e.dev().name());
        if (e.table() != null) expected.put("table", e.table().id());
        if (e.unchanged()) expected.put("unchanged", true);
        return n;
    }

    private static ObjectNode answer(Answer a) {
        ObjectNode n = NODES.objectNode();
        n.put("type", a.type());
        if (a.via() != null) n.put("via", a.via().toString());
        if (a.dev() != null) n.put("dev", a.dev().name());
        if (a.table() != null) n.put("table", a.table().id());
        if (a.multipath()) n.put("multipath", true);
        n.put("text", a.text());
        return n;
    }

    /** {@code status} pass, fail or unknown; {@code detail} says why when it is not a pass. */
    private static void status(ObjectNode n, ExpectationCheck.Result r) {
        n.put("status", r.status().name().toLowerCase(Locale.ROOT));
        if (r.status() != ExpectationCheck.Status.PASS) n.put("detail", r.detail());
    }
}
