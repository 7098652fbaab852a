package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route sections of a read script's output, parsed while the output still arrives ({@link #accept}, piece
 * by piece): the dump of a large table comes over a pipe for a while, and its parse then needs not wait for
 * its end. Only an optimisation of the parse that follows: {@link ReadingParser} still splits the whole
 * output, and hands each command section's body offsets to {@link #section}; a route section this parsed with
 * exactly those offsets gives its routes ({@link #routes}), any other is parsed as before
 * ({@link ObservedBuilder}), so its errors are the ones it always had. Offsets are bytes here and characters
 * there: so an output with any byte past ASCII gives nothing.
 *
 * <p>A section's body is parsed in blocks cut before a route line (one that starts with no space: a
 * multipath route's {@code nexthop} lines stay with it), each as the whole body would be
 * ({@link RouteGrammar#parseShow}); a block that does not parse gives up its section. RouteFeedTest holds
 * the routes to the whole parse's.
 */
public final class RouteFeed implements ReadingParser.Bodies {
    /** A block is parsed once it holds this much and a route line comes. */
    private static final int BLOCK = 32 << 10;

    private final byte[] prefix;
    /** The line that did not end in the last piece (its bytes so far). */
    private byte[] partial = new byte[256];
    private int partialLength;
    /** Where the next byte accepted is in the output. */
    private int offset;
    private boolean ascii = true;

    /** The route section being read: its family, table and body's start; its routes so far; null family: none open. */
    private Family family;
    private TableId table;
    private int bodyStart;
    private List<Route> routes;
    private byte[] block = new byte[BLOCK + 1024];
    private int blockLength;

    /** The sections parsed, by their body's start: where the body ends, and its routes. */
    private final Map<Integer, Parsed> parsed = new HashMap<>();
    /** The sections of the final parse that are one of those: their routes. */
    private final Map<Reading.CommandSection, List<Route>> matched = new IdentityHashMap<>();

    private record Parsed(int end, List<Route> routes) {
    }

    public RouteFeed(String marker) {
        this.prefix = (marker + " ").getBytes(StandardCharsets.US_ASCII);
    }

    /** The next {@code length} bytes of the output, from {@code bytes[from]}. */
    public void accept(byte[] bytes, int from, int length) {
        if (!ascii) return;
        int end = from + length;
        int start = from;
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
                return;
            }
            if (b != '\n') continue;
            if (partialLength > 0) {
                keep(bytes, start, i + 1 - start);
                line(partial, 0, partialLength, offset + start - from - (partialLength - (i + 1 - start)));
                partialLength = 0;
            } else {
                line(bytes, start, i + 1 - start, offset + start - from);
            }
            start = i + 1;
        }
        if (start < end) keep(bytes, start, end - start);
        offset += length;
    }

    /** The output ended: a last line without its newline ends no section (ReadingParser gives it one). */
    public void finish() {
        family = null;
        block = null;
    }

    @Override
    public void section(Reading.CommandSection section, int from, int to) {
        Parsed p = ascii ? parsed.get(from) : null;
        if (p != null && p.end == to) matched.put(section, p.routes);
    }

    /** The routes of {@code section} (one of the final parse's), or null when this did not parse exactly its body. */
    public List<Route> routes(Reading.CommandSection section) {
        return ascii ? matched.get(section) : null;
    }

    private void keep(byte[] bytes, int from, int length) {
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        }
        System.arraycopy(bytes, from, partial, partialLength, length);
        partialLength += length;
    }

    /** One whole line (with its newline) at {@code at} in the output. */
    private void line(byte[] bytes, int from, int length, int at) {
        if (startsWithPrefix(bytes, from, length)) {
            close(at);
            open(new String(bytes, from + prefix.length, length - prefix.length - 1, StandardCharsets.US_ASCII), at + length);
            return;
        }
        if (family == null) return;
        if (blockLength >= BLOCK && !Words.isSpace((char) bytes[from])) parseBlock();
        if (routes == null) return;
        if (blockLength + length > block.length) block = Arrays.copyOf(block, Math.max(block.length * 2, blockLength + length));
        System.arraycopy(bytes, from, block, blockLength, length);
        blockLength += length;
    }

    private boolean startsWithPrefix(byte[] bytes, int from, int length) {
        if (length <= prefix.length) return false;
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[from + k] != prefix[k]) return false;
        }
        return true;
    }

    /** A marker line's words: {@code cmd route F T} opens a route section whose body starts at {@code bodyAt}. */
    private void open(String words, int bodyAt) {
        String[] w = words.split(" ");
        if (w.length != 4 || !w[0].equals("cmd") || !w[1].equals("route")) return;
        Family f = w[2].equals("4") ? Family.INET : w[2].equals("6") ? Family.INET6 : null;
        if (f == null || w[3].isEmpty() || w[3].length() > 10) return;
        for (int k = 0; k < w[3].length(); k++) {
            if (w[3].charAt(k) < '0' || w[3].charAt(k) > '9') return;
        }
        long id = Long.parseLong(w[3]);
        if (id < 1 || id > TableId.MAX) return;
        family = f;
        table = TableId.of(id);
        bodyStart = bodyAt;
        routes = new ArrayList<>();
        blockLength = 0;
    }

    /** A marker line at {@code at} ends the open section's body. */
    private void close(int at) {
        if (family == null) return;
        parseBlock();
        if (routes != null) parsed.put(bodyStart, new Parsed(at, routes));
        family = null;
        routes = null;
    }

    private void parseBlock() {
        if (routes == null || blockLength == 0) return;
        String text = new String(block, 0, blockLength, StandardCharsets.ISO_8859_1);
        blockLength = 0;
        try {
            routes.addAll(RouteGrammar.parseShow(text, family, table, Names.builtin(), ""));
        } catch (OutputException | RuntimeException e) {
            // the whole parse says what is wrong, later
            routes = null;
        }
    }
}
