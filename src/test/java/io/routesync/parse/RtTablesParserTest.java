package io.routesync.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtTablesParserTest {

    @Test
    void readsIdsNamesCommentsAndBlankLines() throws Exception {
        String debian = "#\n# reserved values\n#\n255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n#\n# local\n#\n#1\tinr.ruhep\n\n"
                + "  0x65   uplink2   # the second ISP\n102 isp-3.b\n";
        List<RtTablesParser.Entry> e = RtTablesParser.parseTables("/etc/iproute2/rt_tables", debian);
        assertEquals(List.of(
                new RtTablesParser.Entry(255, "local", 4),
                new RtTablesParser.Entry(254, "main", 5),
                new RtTablesParser.Entry(253, "default", 6),
                new RtTablesParser.Entry(0, "unspec", 7),
                new RtTablesParser.Entry(0x65, "uplink2", 13),
                new RtTablesParser.Entry(102, "isp-3.b", 14)), e);
    }

    @Test
    void protocolFilesStopAt255() throws Exception {
        assertEquals(List.of(new RtTablesParser.Entry(245, "routesync", 1)),
                RtTablesParser.parseProtocols("rt_protos.d/routesync.conf", "245 routesync\n"));
        OutputException e = assertThrows(OutputException.class,
                () -> RtTablesParser.parseProtocols("rt_protos.d/x.conf", "300 big\n"));
        assertTrue(e.getMessage().contains("0 to 255"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "100 foo bar|expected 'ID NAME'",
            "abc foo|'abc' is not an id",
            "4294967296 huge|'4294967296' is not an id",
            "-1 minus|'-1' is not an id",
            "010 octal|'010' is not an id",
            "100|expected 'ID NAME'",
            "100 200|is a number"})
    void aLineThatCannotBeReadIsAnErrorNamingFileAndLine(String line, String message) {
        OutputException e = assertThrows(OutputException.class,
                () -> RtTablesParser.parseTables("/etc/iproute2/rt_tables.d/x.conf", "# header\n1 one\n" + line + "\n"));
        assertEquals("/etc/iproute2/rt_tables.d/x.conf", e.command());
        assertEquals(3, e.lineNumber());
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
