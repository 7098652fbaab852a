package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An output that ended while its program still ran was released by every process that held it; one that
 * ended once the program had exited may have been closed by the JDK (which reads what is left and closes
 * our end), so the run must still look through the program's session (ProcessSessions).
 */
class OutputDrainTest {
    private static OutputDrain drained(boolean running) throws InterruptedException {
        AtomicBoolean alive = new AtomicBoolean(running);
        OutputDrain d = new OutputDrain(new ByteArrayInputStream("out\n".getBytes(StandardCharsets.UTF_8)), 1 << 20, () -> { },
                alive::get);
        assertTrue(d.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
        return d;
    }

    @Test
    void anOutputThatEndedWhileTheProgramRanWasReleased() throws InterruptedException {
        OutputDrain d = drained(true);
        assertTrue(d.releasedBeforeExit());
        assertEquals("out\n", d.text());
    }

    @Test
    void anOutputThatEndedAfterTheExitProvesNothing() throws InterruptedException {
        assertFalse(drained(false).releasedBeforeExit());
    }
}
