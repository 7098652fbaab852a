package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.lookup.TestState;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
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
        ApplyRecord.Inputs later = ApplyRecord.Inputs.deferred(() -> {
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

    @Test
    void aPlanWithoutChangesHasAnEmptyList() throws Exception {
        String json = ApplyRecord.json(Instant.parse("2026-12-05T02:00:00Z"), "h1", INPUTS, new HostPlan(List.of(), "fp"), "rollback");
        assertEquals(1, json.lines().count(), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(0, root.get("changes").size());
        assertTrue(json.contains("\"counts\":{\"add\":0,\"change\":0,\"delete\":0},\"changes\":[]}"), json);
    }
}
