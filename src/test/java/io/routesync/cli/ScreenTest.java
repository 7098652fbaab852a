package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A terminal's width is worked out when fleet output first asks for it, not as a run starts: on a
 * terminal that starts stty, a program, which a single-host run or --version never needs.
 */
class ScreenTest {
    @Test
    void theWidthIsAskedOnceWhenFirstUsed() {
        AtomicInteger asked = new AtomicInteger();
        Screen screen = new Screen(true, () -> {
            asked.incrementAndGet();
            return 132;
        });
        assertEquals(true, screen.progress());
        assertEquals(0, asked.get(), "not asked before it is used");
        assertEquals(132, screen.width());
        assertEquals(132, screen.width());
        assertEquals(1, asked.get(), "asked once");
        assertEquals(0, Screen.NONE.width());
    }
}
