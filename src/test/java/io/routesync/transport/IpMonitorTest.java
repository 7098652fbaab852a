package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor's reader: one event a line, continuation lines left out, an overlong line cut at its bound. */
class IpMonitorTest {
    @Test
    void linesAreBoundedAndContinuationLinesSkipped() {
        String huge = "[ROUTE]" + "x".repeat(IpMonitor.MAX_LINE * 3);
        String text = "[LINK]3: eth1: <UP>\n    link/ether 00:11\n" + huge + "\n[RULE]100: from all lookup 100\n[ADDR]partial";
        List<String> lines = new ArrayList<>();
        IpMonitor.readLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lines::add);
        assertEquals(4, lines.size(), lines::toString);
        assertEquals("[LINK]3: eth1: <UP>", lines.get(0));
        assertEquals(IpMonitor.MAX_LINE, lines.get(1).length());
        assertEquals("[RULE]100: from all lookup 100", lines.get(2));
        assertEquals("[ADDR]partial", lines.get(3));
    }

    @Test
    void theMonitorRunsInItsOwnSessionOnTheTarget() {
        assertEquals(List.of("setsid", "ip", "-n", "ns1", "-N", "monitor", "label", "link", "address", "route", "rule"), IpMonitor.argv("ns1"));
        assertEquals(List.of("setsid", "ip", "-N", "monitor", "label", "link", "address", "route", "rule"), IpMonitor.argv(null));
    }
}
