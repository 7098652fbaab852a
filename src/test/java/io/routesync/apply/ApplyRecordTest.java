package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.lookup.TestState;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record an apply leaves on the host: one JSON document, one change a line (issue 10). */
class ApplyRecordTest {
    private static final ApplyRecord.Inputs INPUTS = new ApplyRecord.Inputs("d1", null, "v1");

    /** A deferred digest is computed on first use only, and the inputs equal the same inputs given. */
    @Test
    void aDeferredDigestIsComputedWhenFirstRead() {
        int[] calls = {0};
        ApplyRecord.Inputs later = ApplyRecord.Inputs.loaded(() -> {
            calls[0]++;
            return "d1";
        }, null, "v1");
        assertEquals(0, calls[0]);
        assertEquals(INPUTS, later);
        assertEquals(INPUTS.hashCode(), later.hashCode());
        assertEquals("Inputs[digest=d1, commit=null, version=v1]", later.toString());
        assertEquals("d1", later.digest());
        assertEquals(1, calls[0]);
    }

    @Test
    void eachChangeIsOnItsOwnLineOfOneJsonDocument() throws Exception {
        Observed o = TestState.bare().add("rule 4 pref 2000 from 198.51.100.0/24 lookup 101",
                "route 100 10.98.0.0/16 via 192.0.2.98 dev d0", "route 100 10.97.0.0/16 via 192.0.2.97 dev d0").observed();
        HostPlan plan = new HostPlan(List.of(Change.add(o.rules().get(0)), Change.add(o.routes().get(0)), Change.delete(o.routes().get(1))), "fp");
        String json = ApplyRecord.json(Instant.parse("2026-12-05T02:00:00Z"), "h1", INPUTS, plan, "apply");
        // mawk, which splits apply.sh's input into parts, takes seconds over one line of 100k changes
        assertEquals(5, json.lines().count(), json);
        assertTrue(json.endsWith("\n]}\n"), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals("apply", root.get("kind").asText());
        assertEquals("fp", root.get("fingerprint").asText());
        assertEquals(1, root.get("counts").get("delete").asInt());
        assertEquals(3, root.get("changes").size());
        assertEquals("delete", root.get("changes").get(2).get("action").asText());
        assertTrue(root.get("changes").get(1).get("command").asText().startsWith("ip route add 10."), json);
    }

    /** The record is written by hand: byte for byte what Jackson wrote (its escapes of every character below 0x80, and beyond). */
    @Test
    void theRecordIsWhatJacksonWrote() throws Exception {
        StringBuilder odd = new StringBuilder("h\u00e9\u2603\ud83d\ude00/");
        for (char c = 0; c < 0x80; c++) odd.append(c);
        Observed o = TestState.bare().add("route 100 10.98.0.0/16 via 192.0.2.98 dev d0", "route 100 10.97.0.0/16 via 192.0.2.97 dev d0").observed();
        List<HostPlan> plans = List.of(new HostPlan(List.of(), "fp"), new HostPlan(List.of(Change.add(o.routes().get(0))), null),
                new HostPlan(List.of(Change.add(o.routes().get(0)), Change.delete(o.routes().get(1))), odd.toString()));
        List<ApplyRecord.Inputs> inputs = List.of(INPUTS, new ApplyRecord.Inputs(null, "c\"1\\", odd.toString()), new ApplyRecord.Inputs("d", null, null));
        for (HostPlan plan : plans) {
            for (ApplyRecord.Inputs in : inputs) {
                Instant t = Instant.parse("2026-12-05T02:00:00.123456789Z");
                assertEquals(jackson(t, odd.toString(), in, plan, "rollback"), ApplyRecord.json(t, odd.toString(), in, plan, "rollback"));
            }
        }
    }

    /** The record as Jackson wrote it before (compact, one change a line). */
    private static String jackson(Instant time, String host, ApplyRecord.Inputs inputs, HostPlan plan, String kind) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format_version", "1");
        root.put("kind", kind);
        root.put("time", time.toString());
        root.put("host", host);
        root.put("routesync_version", inputs.version());
        if (inputs.digest() != null) root.put("inputs_digest", inputs.digest());
        if (inputs.commit() != null) root.put("commit", inputs.commit());
        root.put("fingerprint", plan.fingerprint());
        ObjectNode counts = root.putObject("counts");
        counts.put("add", plan.count(Action.ADD));
        counts.put("change", plan.count(Action.REPLACE));
        counts.put("delete", plan.count(Action.DELETE));
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            ObjectNode n = changes.addObject();
            n.put("action", c.action().word());
            n.put("command", ChangeSyntax.command(c, null, plan.namesFile()));
        }
        return json.writer(new MinimalPrettyPrinter() {
            @Override
            public void beforeArrayValues(JsonGenerator g) throws IOException {
                g.writeRaw('\n');
            }

            @Override
            public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
                g.writeRaw(",\n");
            }

            @Override
            public void writeEndArray(JsonGenerator g, int values) throws IOException {
                g.writeRaw(values == 0 ? "]" : "\n]");
            }
        }).writeValueAsString(root) + "\n";
    }

    @Test
    void aPlanWithoutChangesHasAnEmptyList() throws Exception {
        String json = ApplyRecord.json(Instant.parse("2026-12-05T02:00:00Z"), "h1", INPUTS, new HostPlan(List.of(), "fp"), "rollback");
        assertEquals(1, json.lines().count(), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(0, root.get("changes").size());
        assertTrue(json.contains("\"counts\":{\"add\":0,\"change\":0,\"delete\":0},\"changes\":[]}"), json);
    }
}
