package io.routesync.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One shell line split as sh splits it, never run: quotes, known variables, and what needs running is refused. */
class ShellLineTest {
    private static final Map<String, String> VARS = new HashMap<>(Map.of("GW", "192.168.2.1", "TWO", "dev eth1", "EMPTY", ""));

    static {
        VARS.put("UNKNOWN", null);
    }

    private static String words(String line) throws ShellLine.Unreadable {
        LogicalLine l = LogicalLine.of("f", line, true).get(0);
        List<Word> words = ShellLine.words(l, 0, VARS);
        return String.join("|", words.stream().map(Word::text).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "ip route add 10.0.0.0/8 via $GW; ip|route|add|10.0.0.0/8|via|192.168.2.1",
        "ip route add 10.0.0.0/8 via ${GW} $TWO; ip|route|add|10.0.0.0/8|via|192.168.2.1|dev|eth1",
        "ip route add 10.0.0.0/8 via \"$GW\" \"$TWO\"; ip|route|add|10.0.0.0/8|via|192.168.2.1|dev eth1",
        "ip route add 10.0.0.0/8 '$GW' x$EMPTY \"\"; ip|route|add|10.0.0.0/8|$GW|x|",
        "ip rule add from 10.0.0.1 table rt2 2>/dev/null || true; ip|rule|add|from|10.0.0.1|table|rt2",
        "ip rule add from 10.0.0.1 >/dev/null 2>&1 || :  # a comment; ip|rule|add|from|10.0.0.1",
        "ip route add a\\ b c$ d; ip|route|add|a b|c$|d",
    })
    void splitsAsShWould(String line, String expected) throws ShellLine.Unreadable {
        assertEquals(expected, words(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '^', value = {
        "ip route add $(cat /x)~14~$(...) runs a command; routesync does not run anything it reads",
        "ip route add `cat /x`~14~`...` runs a command; routesync does not run anything it reads",
        "ip route add $1~14~'$1' is only known when the script runs (an argument or the shell's state)",
        "ip route add ${GW:-10.0.0.1}~14~'${GW:-10.0.0.1}' is an expansion routesync does not follow: only $NAME and ${NAME} of a variable this file sets",
        "ip route add $NOPE~14~$NOPE is not set earlier in this file, so its value is only known where the line runs",
        "ip route add $UNKNOWN~14~$UNKNOWN is set by a line routesync could not read",
        "ip route add 10.*~17~'*' unquoted is expanded by the shell against files; routesync does not expand it",
        "ip route add 'x~14~a single quote is not closed on this line",
        "ip route add x | tee~16~'|' is shell syntax routesync does not follow: it reads one simple command per line (a pipe, a list or a redirection would need running the line)",
        "ip route add x > /tmp/log~16~'>/tmp/log' is shell syntax routesync does not follow: it reads one simple command per line (a pipe, a list or a redirection would need running the line)",
    })
    void refusesWhatOnlyRunningTheLineWouldTell(String line, int column, String message) {
        ShellLine.Unreadable e = assertThrows(ShellLine.Unreadable.class, () -> words(line));
        assertEquals(message, e.getMessage());
        assertEquals(column, e.column);
    }
}
