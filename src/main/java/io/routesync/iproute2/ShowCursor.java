package io.routesync.iproute2;

import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.Prefix;
import io.routesync.model.RouterPref;
import io.routesync.model.TableId;
import java.util.function.ToIntFunction;

/**
 * The words of {@code ip route list} output, read in place: a cursor over the characters of the whole
 * output (no regex, no split, no substring per word, because hosts hold a million routes and a no-op
 * check is a dump plus this parse) that knows the current line and word, reads the word as a value
 * (names and numbers both: {@code -N} prints scopes, protocols and tos as numbers), and words an
 * {@link OutputException} about the line. {@link RouteShowParser} decides what the words mean.
 */
final class ShowCursor {
    private final String text;
    private final String command;
    private final Names names;
    private final InterfaceCache interfaces = new InterfaceCache();
    private final ToIntFunction<String> protocolNames;
    private final ToIntFunction<String> scopeNames;
    private final ToIntFunction<String> dsfieldNames;

    /** where the next line starts */
    private int next;
    int lineStart;
    int lineEnd;
    int lineNumber;
    /** the current word is text[ts, te); pos is where the next one is searched */
    int ts;
    int te;
    int pos;

    ShowCursor(String text, Names names, String command) {
        this.text = text;
        this.names = names;
        this.command = command;
        this.protocolNames = names::protocol;
        this.scopeNames = names::scope;
        this.dsfieldNames = names::dsfield;
    }

    /** Moves to the next line; false at the end of the output. */
    boolean nextLine() {
        if (next >= text.length()) return false;
        int end = text.indexOf('\n', next);
        if (end < 0) end = text.length();
        lineStart = next;
        lineEnd = end;
        lineNumber++;
        next = end + 1;
        pos = lineStart;
        return true;
    }

    /** True when the current word is not at the start of its line (a multipath continuation line). */
    boolean indented() {
        return ts > lineStart;
    }

    boolean nextWord() {
        int i = pos;
        while (i < lineEnd && Words.isSpace(text.charAt(i))) i++;
        if (i >= lineEnd) {
            pos = i;
            return false;
        }
        int s = i;
        while (i < lineEnd && !Words.isSpace(text.charAt(i))) i++;
        ts = s;
        te = i;
        pos = i;
        return true;
    }

    void needWord(String after) throws OutputException {
        if (!nextWord()) throw fail("'" + after + "' has no value");
    }

    boolean is(String word) {
        return te - ts == word.length() && text.startsWith(word, ts);
    }

    boolean startsWith(String prefix) {
        return text.startsWith(prefix, ts);
    }

    /** Whether text[a, a + length) and text[b, b + length) are the same characters. */
    boolean sameText(int a, int b, int length) {
        return text.regionMatches(a, text, b, length);
    }

    char first() {
        return text.charAt(ts);
    }

    String word() {
        return text.substring(ts, te);
    }

    OutputException fail(String problem) {
        return new OutputException(command, lineNumber, text.substring(lineStart, lineEnd).strip(), problem);
    }

    OutputException fail(InvalidValueException e) {
        return failAt(lineNumber, lineStart, lineEnd, e);
    }

    /** An error about an earlier line, text[start, end), such as a route whose nexthop lines followed it. */
    OutputException failAt(int number, int start, int end, InvalidValueException e) {
        return new OutputException(command, number, text.substring(start, end).strip(), e.getMessage(), e.unsupported());
    }

    Prefix prefix(String what) throws OutputException {
        try {
            return Prefix.parse(text, ts, te);
        } catch (InvalidValueException e) {
            throw fail(what + ": " + e.getMessage());
        }
    }

    IpAddress addressAnyFamily(String what) throws OutputException {
        try {
            return IpAddress.parse(text, ts, te);
        } catch (InvalidValueException e) {
            throw fail(what + ": " + e.getMessage());
        }
    }

    Interface iface() throws OutputException {
        try {
            return interfaces.get(text, ts, te);
        } catch (InvalidValueException e) {
            throw new OutputException(command, lineNumber, text.substring(lineStart, lineEnd).strip(), "dev: " + e.getMessage(),
                    e.unsupported());
        }
    }

    long number(String what, long max) throws OutputException {
        long n = Numbers.parseDecimal(text, ts, te, max);
        if (n < 0) throw fail(what + " '" + word() + "' is not a number up to " + max);
        return n;
    }

    long hex(String what) throws OutputException {
        long n = Numbers.parse(text, ts, te, 0xffff_ffffL);
        if (n < 0) throw fail(what + " '" + word() + "' is not a number");
        return n;
    }

    /** A time metric's value in milliseconds, or -1. */
    long millis() {
        return MetricValues.parseMillis(text, ts, te);
    }

    /** A type number as {@code -N} prints it (up to two digits), or -1. */
    long smallNumber() {
        return te - ts > 2 ? -1 : Numbers.parseDecimal(text, ts, te, 255);
    }

    int protocol() throws OutputException {
        return named("proto", protocolNames, 255);
    }

    int scope() throws OutputException {
        return named("scope", scopeNames, 255);
    }

    int tos() throws OutputException {
        return named("tos", dsfieldNames, 255);
    }

    /** A number as {@code -N} prints it, or a name looked up in {@code names}. */
    private int named(String what, ToIntFunction<String> lookup, int max) throws OutputException {
        char c = text.charAt(ts);
        long n = c >= '0' && c <= '9' ? Numbers.parse(text, ts, te, max) : lookup.applyAsInt(word());
        if (n < 0) throw fail(what + " '" + word() + "' is unknown");
        return (int) n;
    }

    TableId table() throws OutputException {
        try {
            TableId id = names.table(word());
            if (id == null) throw fail("table '" + word() + "' is unknown");
            return id;
        } catch (InvalidValueException e) {
            throw fail(e);
        }
    }

    long realms() throws OutputException {
        try {
            return ValueWords.realms(names, word(), -1);
        } catch (SyntaxException e) {
            throw fail(e.getMessage());
        }
    }

    RouterPref routerPref() throws OutputException {
        if (is("low")) return RouterPref.LOW;
        if (is("medium")) return RouterPref.MEDIUM;
        if (is("high")) return RouterPref.HIGH;
        throw fail("pref '" + word() + "' is not low, medium or high");
    }
}
