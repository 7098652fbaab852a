package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.routesync.model.Change;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import org.junit.jupiter.api.Test;

/**
 * A batch appends its lines to one buffer ({@link ChangeSyntax#appendBatchLine}): each line is the
 * {@link ChangeSyntax#batchLine} it always was, for every kind and field of route and rule, and for every
 * verb, also after other lines in the same buffer.
 */
class BatchLineTest {
    @Test
    void anAppendedLineIsTheBatchLine() {
        RandomEntries random = new RandomEntries(20261205L);
        StringBuilder lines = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            Change c;
            switch (i % 5) {
                case 0: c = Change.add(random.route()); break;
                case 1: c = Change.delete(random.route()); break;
                case 2: c = Change.replace(random.route(), random.route()); break;
                case 3: c = Change.add(random.rule()); break;
                default: c = Change.delete(random.rule());
            }
            ChangeSyntax.appendBatchLine(lines, c);
            expected.append(ChangeSyntax.batchLine(c)).append('\n');
            assertEquals(expected.toString(), lines.toString(), "change " + i + ": " + c);
        }
    }

    @Test
    void aTableNameIsNoBatchLine() {
        StringBuilder lines = new StringBuilder("route add 10.0.0.0/8 dev d0 table 100 proto 245 scope 0 metric 0\n");
        assertFalse(ChangeSyntax.appendBatchLine(lines, Change.add(new TableName("bench", TableId.of(100)))));
        assertEquals("route add 10.0.0.0/8 dev d0 table 100 proto 245 scope 0 metric 0\n", lines.toString());
    }
}
