package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void protocolFilesSkipIdsAbove255() throws Exception {
        assertEquals(List.of(new RtTablesParser.Entry(245, "routesync", 1)),
                RtTablesParser.parseProtocols("rt_protos.d/routesync.conf", "245 routesync\n300 big\n"));
    }

    /**
     * What iproute2 6.1 binds for each line, checked with the real 'ip' (a file bind-mounted over
     * /etc/iproute2 in a private mount and network namespace, 'ip rule add lookup NAME', 'ip -N rule'):
     * the id and name of the first two words as sscanf reads them, the rest of the line ignored.
     * {SP}, {TAB} and {CR} stand for a space, a tab and a carriage return.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100 foo bar|100|foo",
            "{SP}{SP}0x65{TAB}baz # c|101|baz",
            "102 #hash|102|#hash",
            "103 a#b|103|a#b",
            "4294967397 wrap|101|wrap",
            "0x100000065 hexwrap|101|hexwrap",
            "0x0x66 dbl|102|dbl",
            "+7 plus|7|plus",
            "0xZZ weird|0|xZZ",
            "0x weird|0|x",
            "100foo bar|100|foo",
            "0x65baz q|26042|z",
            "{SP}{TAB}{SP}{TAB}{SP}103{TAB}tabbed|103|tabbed",
            "010 octal|10|octal",
            "7 name{CR}|7|name"})
    void readsEveryLineAsIproute2Does(String line, long id, String name) throws Exception {
        assertEquals(List.of(new RtTablesParser.Entry(1, "one", 1), new RtTablesParser.Entry(id, name, 2)),
                RtTablesParser.parseTables("x.conf", "1 one\n" + text(line) + "\n"));
    }

    private static String text(String line) {
        return line.replace("{SP}", " ").replace("{TAB}", "\t").replace("{CR}", "\r");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5 minus", "99999999999999999999 saturated", "4294967295 allones", "2147483648 big", "0xffffffff hexones"})
    void idsThatAreNegativeAsACIntAreSkipped(String line) throws Exception {
        assertEquals(List.of(new RtTablesParser.Entry(1, "one", 1), new RtTablesParser.Entry(2, "two", 3)),
                RtTablesParser.parseTables("x.conf", "1 one\n" + line + "\n2 two\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"100", "abc foo", "{CR}", "foo 100", "-x foo", "{SP}104{TAB}"})
    void aLineIproute2CannotReadEndsTheFileThereWithoutAnError(String line) throws Exception {
        RtTablesParser.NameFile f = RtTablesParser.read("x.conf", "# header\n1 one\n" + text(line) + "\n105 after\n");
        assertEquals(List.of(new RtTablesParser.Entry(1, "one", 2)), f.entries(), "nothing after the line counts, as in iproute2");
        assertEquals(3, f.corruptLine());
        assertEquals(text(line), f.corruptText());
    }

    @Test
    void aLineLongerThan511CharactersGoesOnAsTheNextPiece() throws Exception {
        // fgets(buf, 512): the first 511 characters are one piece, the rest another, read as a line of its own
        String longLine = "200 first" + " ".repeat(511 - 9) + "201 second";
        assertEquals(List.of(new RtTablesParser.Entry(200, "first", 1), new RtTablesParser.Entry(201, "second", 1),
                new RtTablesParser.Entry(3, "three", 2)), RtTablesParser.parseTables("x.conf", longLine + "\n3 three\n"));
    }

    @Test
    void anAllDigitNameIsRefusedNamingFileAndLine() {
        OutputException e = assertThrows(OutputException.class,
                () -> RtTablesParser.parseTables("/etc/iproute2/rt_tables.d/x.conf", "# header\n1 one\n100 200\n"));
        assertEquals("/etc/iproute2/rt_tables.d/x.conf", e.command());
        assertEquals(3, e.lineNumber());
        assertEquals("100 200", e.line());
        assertTrue(e.getMessage().contains("is a number"), e.getMessage());
    }
}
