package io.routesync.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's answers as {@code ip -d -N route get} prints them (captured from a namespace), and the one flow syntax. */
class AnswerTest {
    @Test
    void readsDeliveriesAndRefusals() {
        Answer a = Answer.parse("1 8.8.8.8 from 10.1.0.10 via 10.1.0.1 dev eth0 table 254 uid 0 \n    cache \n", 0);
        assertEquals(new Answer("unicast", IpAddress.parse("10.1.0.1"), Interface.of("eth0"), TableId.MAIN, java.util.List.of(),
                "unicast 8.8.8.8 from 10.1.0.10 via 10.1.0.1 dev eth0 table 254 uid 0"), a);
        Answer local = Answer.parse("2 10.1.0.10 dev lo table 255 src 10.1.0.10 uid 0 \n    cache <local> \n", 0);
        assertEquals("local", local.type());
        assertEquals(TableId.LOCAL, local.table());
        assertEquals("blackhole", Answer.parse("RTNETLINK answers: Invalid argument\n", 2).type());
        assertEquals("unreachable", Answer.parse("RTNETLINK answers: No route to host\n", 2).type());
        assertEquals("unreachable", Answer.parse("RTNETLINK answers: Network is unreachable\n", 2).type());
        assertEquals("prohibit", Answer.parse("RTNETLINK answers: Permission denied\n", 2).type());
        assertNull(Answer.parse("Error: any valid prefix is expected rather than \"x\".\n", 1), "not an answer");
        assertNull(Answer.parse("1 8.8.8.8 via nonsense dev eth0\n", 0), "not an answer");
    }

    @Test
    void oneFlowSyntaxForExplainExpectationsAndTheKernel() {
        Flow f = new Flow.Builder().set("to", "203.0.113.5").set("from", "192.168.2.10").set("fwmark", "0x2").set("ipproto", "tcp")
                .set("dport", "443").set("tos", "0x10").build();
        assertEquals("from 192.168.2.10 to 203.0.113.5 fwmark 0x2 ipproto tcp dport 443 tos 0x10", f.toString());
        assertEquals(List.of("203.0.113.5", "from", "192.168.2.10", "mark", "0x2", "tos", "0x10", "ipproto", "6", "dport", "443", "uid", "0"),
                f.routeGetArgs());
        assertEquals(Query.sent(IpAddress.parse("192.168.2.10"), IpAddress.parse("203.0.113.5")).withMark(2).withFlow(6, 0, 443).withTos(0x10),
                f.query());
        Flow forwarded = new Flow.Builder().set("to", "10.99.1.1").set("from", "10.8.0.5").set("iif", "wg0").build();
        assertEquals(Query.forwarded(Interface.of("wg0"), IpAddress.parse("10.8.0.5"), IpAddress.parse("10.99.1.1")), forwarded.query());
        assertThrows(InvalidValueException.class, () -> new Flow.Builder().set("to", "10.0.0.1").set("iif", "wg0").set("uid", "5").build());
        assertThrows(InvalidValueException.class, () -> new Flow.Builder().set("to", "10.0.0.1").set("dport", "80").build());
        assertThrows(InvalidValueException.class, () -> new Flow.Builder().set("to", "10.0.0.1").set("iif", "bad name").build());
    }

    @Test
    void aMultipathRouteFromFibmatchGivesItsPathsAndKeepsTheKernelsPick() {
        // captured: ip -d -N route get fibmatch 198.51.100.7, and the same flow without fibmatch
        List<io.routesync.model.NextHop> paths = Answer.routePaths("1 198.51.100.0/24 table 254 proto 3 scope 0 \n"
                + "\tnexthop via 10.1.0.1 dev a0 weight 1 \n\tnexthop via 10.2.0.1 dev b0 weight 1 \n");
        assertEquals(List.of(io.routesync.model.NextHop.of(IpAddress.parse("10.1.0.1"), Interface.of("a0")),
                io.routesync.model.NextHop.of(IpAddress.parse("10.2.0.1"), Interface.of("b0"))), paths);
        assertEquals(List.of(), Answer.routePaths("1 198.51.100.0/24 via 10.1.0.1 dev a0 table 254 proto 3 scope 0 \n"), "one path");
        Answer picked = Answer.parse("1 198.51.100.7 via 10.1.0.1 dev a0 table 254 src 10.1.0.2 uid 0 \n    cache \n", 0).withRoutePaths(paths);
        assertEquals(IpAddress.parse("10.1.0.1"), picked.via());
        assertEquals(paths, picked.paths());
        assertEquals("unicast 198.51.100.7 via 10.1.0.1 dev a0 table 254 src 10.1.0.2 uid 0"
                + " (the route's 2 paths: via 10.1.0.1 dev a0, via 10.2.0.1 dev b0)", picked.text());

        Expectation other = new Expectation("s.yml:1:1", new Flow.Builder().set("to", "198.51.100.7").build(), IpAddress.parse("10.2.0.1"),
                Interface.of("b0"), null, null, null, false);
        assertEquals(ExpectationCheck.Status.PASS, ExpectationCheck.check(other, picked, "the kernel").status(), "a path of the route");
        Answer single = Answer.parse("1 198.51.100.7 via 10.1.0.1 dev a0 table 254 src 10.1.0.2 uid 0 \n", 0);
        assertEquals(ExpectationCheck.Status.FAIL, ExpectationCheck.check(other, single, "the kernel").status(), "not multipath: the pick decides");
    }
}
