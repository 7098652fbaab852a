package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.TableId;
import org.junit.jupiter.api.Test;

/** What the read script printed becomes an observed state, or an error that says which host, command and line. */
class ObservedBuilderTest {
    private static final String IPROUTE2 = "M cmd version\nip utility, iproute2-6.1.0, libbpf 1.1.2\nM rc 0\n";
    private static final String RULES = "M cmd rule 4\n0:\tfrom all lookup 255 proto 2\n32766:\tfrom all lookup 254 proto 2\nM rc 0\n"
            + "M cmd rule 6\n0:\tfrom all lookup 255 proto 2\nM rc 0\n";

    private static HostReading build(String output) throws OutputException {
        return ObservedBuilder.build("edge1", ReadingParser.parse(output, "M"));
    }

    @Test
    void aTableThatDoesNotExistYetReadsAsEmpty() throws Exception {
        HostReading r = build(IPROUTE2 + RULES
                + "M cmd route 4 102\nError: ipv4: FIB table does not exist.\nDump terminated\nM rc 2\n"
                + "M cmd route 6 102\nError: ipv6: FIB table does not exist.\nDump terminated\nM rc 2\nM digest abc\n");
        assertEquals(0, r.observed().routes().size());
        assertTrue(r.observed().tablesRead().contains(TableId.of(102)));
        assertEquals(3, r.observed().rules().size());
        assertEquals("abc", r.digest());
    }

    @Test
    void busyBoxIpIsRefusedPlainly() {
        OutputException e = assertThrows(OutputException.class,
                () -> build("M cmd version\nBusyBox v1.36.1 multi-call binary.\nM rc 1\n" + RULES + "M digest abc\n"));
        assertTrue(e.getMessage().startsWith("edge1: ip -V"), e.getMessage());
        assertTrue(e.getMessage().contains("not iproute2 (BusyBox?)"), e.getMessage());
    }

    @Test
    void aLineItDoesNotUnderstandNamesHostCommandLineNumberAndLine() {
        OutputException e = assertThrows(OutputException.class, () -> build(IPROUTE2 + RULES
                + "M cmd route 4 102\n10.1.0.0/16 via 192.0.2.1 dev eth0 frobnicate 7 \nM rc 0\nM cmd route 6 102\nM rc 0\nM digest abc\n"));
        assertTrue(e.getMessage().startsWith("edge1: ip -N -4 route list table 102: line 1:"), e.getMessage());
        assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
    }

    @Test
    void aReadCutShortIsNeverASmallerState() {
        OutputException e = assertThrows(OutputException.class, () -> build(IPROUTE2 + RULES));
        assertTrue(e.getMessage().contains("ended early"), e.getMessage());
    }

    @Test
    void aHostWithoutIpIsToldToInstallIproute2() {
        OutputException e = assertThrows(OutputException.class, () -> build("M begin 1\nM fatal no-ip\n"));
        assertTrue(e.getMessage().contains("install iproute2"), e.getMessage());
    }
}
