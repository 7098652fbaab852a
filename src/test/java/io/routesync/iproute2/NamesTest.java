package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.routesync.model.InvalidValueException;
import io.routesync.model.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    private final Names names = Names.builtin();

    @Test
    void tablesByNameOrNumber() {
        assertEquals(TableId.LOCAL, names.table("local"));
        assertEquals(TableId.MAIN, names.table("main"));
        assertEquals(TableId.DEFAULT, names.table("default"));
        assertEquals(TableId.of(128), names.table("0x80"));
        assertEquals(TableId.of(4000000000L), names.table("4000000000"));
        assertNull(names.table("uplink2"));
        assertNull(names.table("010"), "a leading zero is octal to iproute2: refused");
        assertThrows(InvalidValueException.class, () -> names.table("0"));
        assertThrows(InvalidValueException.class, () -> names.table("4294967296"));
        assertEquals("main", names.tableName(TableId.MAIN));
        assertEquals("101", names.tableName(TableId.of(101)));
    }

    @Test
    void withTablesIsACopyAndTheFirstBindingWins() {
        Names more = names.withTable("uplink2", TableId.of(102)).withTable("uplink2", TableId.of(103)).withTable("main", TableId.of(7));
        assertEquals(TableId.of(102), more.table("uplink2"));
        assertEquals(TableId.MAIN, more.table("main"));
        assertEquals("uplink2", more.tableName(TableId.of(102)));
        assertNull(names.table("uplink2"), "the original is unchanged");
    }

    @Test
    void rtTablesEntriesBindLikeIproute2() throws Exception {
        List<RtTablesParser.Entry> e = RtTablesParser.parseTables("/etc/iproute2/rt_tables",
                "255 local\n0 unspec\n100 isp1\n0x65 isp2\n2147483648 huge\n");
        Names n = names.withTableEntries(e);
        assertEquals(TableId.of(100), n.table("isp1"));
        assertEquals(TableId.of(101), n.table("isp2"));
        assertNull(n.table("huge"), "iproute2 cannot name ids of 2^31 and above");
        assertThrows(InvalidValueException.class, () -> n.table("unspec"), "unspec is table 0");
    }

    @Test
    void protocols() throws Exception {
        assertEquals(0, names.protocol("unspec"));
        assertEquals(2, names.protocol("kernel"));
        assertEquals(3, names.protocol("boot"));
        assertEquals(4, names.protocol("static"));
        assertEquals(12, names.protocol("bird"));
        assertEquals(42, names.protocol("babel"));
        assertEquals(99, names.protocol("openr"));
        assertEquals(186, names.protocol("bgp"));
        assertEquals(192, names.protocol("eigrp"));
        assertEquals(245, names.protocol("245"));
        assertEquals(-1, names.protocol("routesync"));
        assertEquals(-1, names.protocol("256"));
        assertEquals("static", names.protocolName(4));
        assertEquals("245", names.protocolName(245));
        Names tagged = names.withProtocolEntries(RtTablesParser.parseProtocols("rt_protos.d/routesync.conf", "245 routesync\n"));
        assertEquals(245, tagged.protocol("routesync"));
        assertEquals("routesync", tagged.withProtocol("other", 245).protocolName(245));
    }

    @Test
    void scopesDsfieldRealmsGroupsAndIpProtocols() {
        assertEquals(0, names.scope("global"));
        assertEquals(0, names.scope("universe"));
        assertEquals(200, names.scope("site"));
        assertEquals(253, names.scope("link"));
        assertEquals(254, names.scope("host"));
        assertEquals(255, names.scope("nowhere"));
        assertEquals("link", names.scopeName(253));
        assertEquals("17", names.scopeName(17));
        assertEquals(0x10, names.dsfield("0x10"));
        assertEquals(0x10, names.dsfield("10"), "iproute2 reads tos in hex");
        assertEquals(0x28, names.dsfield("AF11"));
        assertEquals(0xb8, names.dsfield("EF"));
        assertEquals("0x04", Spelling.tos(4));
        assertEquals(0, names.realm("cosmos"));
        assertEquals(7, names.realm("7"));
        assertEquals(0, names.group("default"));
        assertEquals(7, names.group("7"));
        assertEquals(-1, names.group("-1"));
        assertEquals(6, names.ipProto("tcp"));
        assertEquals(6, names.ipProto("ipproto-6"));
        assertEquals(58, names.ipProto("ipv6-icmp"));
        assertEquals(132, names.ipProto("sctp"));
        assertEquals(200, names.ipProto("200"));
        assertEquals(-1, names.ipProto("0"));
        assertEquals(-1, names.ipProto("256"));
        assertEquals("udp", names.ipProtoName(17));
        assertEquals("ipproto-200", names.ipProtoName(200));
    }
}
