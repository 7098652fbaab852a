package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.state.KeptChecks;
import io.routesync.config.state.KeptState;
import io.routesync.model.DesiredState;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an apply keeps, and when it proves it again (issue 10). */
class KeptCopyTest {
    @Test
    void aTextIsProvenUnlessTheHostHasTheDigestOfTheSameTextFromTheSameVersion() throws Exception {
        DesiredState d = SafetyNetns.load(SafetyNetns.STATE).state();
        KeptCopy fresh = KeptCopy.of(d, 245, "1.0", null);
        assertEquals(KeptState.text(d, 245), fresh.text());
        assertEquals(KeptState.digest(fresh.text(), 245, "1.0"), fresh.newDigest());

        KeptCopy again = KeptCopy.of(d, 245, "1.0", fresh.newDigest());
        assertEquals(fresh.text(), again.text());
        assertNull(again.newDigest(), "the host has it");

        // another routesync version or protocol number reads it back its own way: proven again
        assertEquals(KeptState.digest(fresh.text(), 245, "1.1"), KeptCopy.of(d, 245, "1.1", fresh.newDigest()).newDigest());
        assertNotEquals(fresh.newDigest(), KeptCopy.of(d, 246, "1.0", fresh.newDigest()).newDigest());
        assertNotEquals(null, KeptCopy.of(d, 246, "1.0", fresh.newDigest()).newDigest());
    }

    @Test
    void aTextThatWouldNotReadBackIsNotKept() {
        DesiredState unnamed = new DesiredState(List.of(), Set.of(TableId.of(120)), List.of(), List.of());
        assertNull(KeptCopy.of(unnamed, 245, "1.0", null));
        assertNull(KeptCopy.of(unnamed, 245, "1.0", "0".repeat(64)));
    }

    @Test
    void theChecksAreKeptWithTheStateAndLeftOutWhenTheyWouldNotReadBack() throws Exception {
        DesiredState d = SafetyNetns.load(SafetyNetns.STATE).state();
        io.routesync.model.Probe ping = new io.routesync.model.Probe(io.routesync.model.Probe.Kind.PING,
                io.routesync.model.IpAddress.parse("192.0.2.1"), 0, null, null, 5);
        KeptCopy withProbe = KeptCopy.of(d, 245, "1.0", null, new KeptChecks(List.of(ping), List.of(), List.of()));
        assertTrue(withProbe.text().endsWith("probes:\n  - { ping: \"192.0.2.1\", timeout: 5 }\n"), withProbe.text());
        assertNotEquals(KeptCopy.of(d, 245, "1.0", null).newDigest(), withProbe.newDigest(), "another text, another proof");

        io.routesync.lookup.Expectation odd = new io.routesync.lookup.Expectation("p", new io.routesync.lookup.Flow.Builder()
                .set("to", "10.0.0.1").build(), null, null, null, null, "anycast", false);
        KeptCopy without = KeptCopy.of(d, 245, "1.0", null, new KeptChecks(List.of(), List.of(odd), List.of()));
        assertEquals(KeptState.text(d, 245), without.text(), "the state is kept without checks it cannot spell");
    }
}
