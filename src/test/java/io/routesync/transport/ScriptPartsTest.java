package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Allocations;
import java.util.ArrayList;
import java.util.List;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bytes a script reads as its parts, as take_parts and take_late cut them: each part after its line,
 * a line end added where its content lacks one (none to an empty part), and the counts in bytes of UTF-8.
 */
class ScriptPartsTest {
    private static ScriptParts parts() {
        return new ScriptParts().add("batch4-0001", "route add 10.0.0.0/8 dev d0\nroute del 10.1.0.0/16 dev d0")
                .add("go", "").add("desired", "routes:\n  - 10.2.0.0/16 dev d0 # café ✓\n");
    }

    @Test
    void thePartsAreEachAfterTheirLine() {
        String expected = "M part batch4-0001\nroute add 10.0.0.0/8 dev d0\nroute del 10.1.0.0/16 dev d0\nM part go\n"
                + "M part desired\nroutes:\n  - 10.2.0.0/16 dev d0 # café ✓\n";
        assertEquals(expected, new String(parts().bytes("M"), StandardCharsets.UTF_8));
        int bytes = expected.getBytes(StandardCharsets.UTF_8).length;
        assertEquals("M parts " + bytes + "\n" + expected, new String(parts().counted("M"), StandardCharsets.UTF_8));
    }

    @Test
    void theLatePartsSayTheirLengthInBytes() {
        String expected = "M late batch4-0001 57\nroute add 10.0.0.0/8 dev d0\nroute del 10.1.0.0/16 dev d0\nM late go 0\n"
                + "M late desired 43\nroutes:\n  - 10.2.0.0/16 dev d0 # café ✓\n";
        assertEquals(expected, new String(parts().sized("M"), StandardCharsets.UTF_8));
    }

    /**
     * A late part of 12 MB (the record of 100k changes) is encoded once and copied once: through a growing
     * buffer it allocated 3 times its size while the batch ran (now 2).
     */
    @Test
    void aLargeLatePartIsCopiedOnce() throws Exception {
        String record = "{\"change\": \"route add 10.0.0.0/28 via 192.0.2.254 dev d0 table 100\"}\n".repeat(200_000);
        ScriptParts late = new ScriptParts().add("record", record);
        List<byte[]> out = new ArrayList<>();
        long bytes = Allocations.of(() -> out.add(late.sized("M")));
        assertEquals(record.length() + "M late record N\n".length() + 7, out.get(0).length);
        assertTrue(bytes < 2.5 * record.length(), "a late part of " + record.length() + " bytes allocated " + bytes);
    }
}
