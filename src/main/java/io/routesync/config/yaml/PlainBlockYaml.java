package io.routesync.config.yaml;

import static io.routesync.config.yaml.PlainChars.SCALAR_CHARS;
import static io.routesync.config.yaml.PlainChars.flowPlainEnd;
import static io.routesync.config.yaml.PlainChars.isAlnum;
import static io.routesync.config.yaml.PlainChars.isSpecial;
import static io.routesync.config.yaml.PlainChars.lineRest;
import static io.routesync.config.yaml.PlainChars.quotedEnd;
import static io.routesync.config.yaml.PlainChars.spaces;

import io.routesync.config.SourcePos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the plain block subset of YAML straight from the text, for large generated state files: block
 * mappings with simple keys, block sequences of one-line plain scalars, comments and blank lines. It
 * gives the very tree {@link YamlReader} builds from Jackson's and snakeyaml's events (the same texts
 * and positions), at a fraction of the cost; {@code PlainBlockYamlTest} and {@code PlainBlockYamlFuzzTest} hold the two together.
 *
 * <p>Also one-line double-quoted scalars without escapes and one-line flow mappings of simple keys and
 * such values ({@code - { priority: 1000, from: "{{ addr }}", table: uplink2 }}, the seed state's
 * rules and expectations), so a hand-written state is read without Jackson and snakeyaml (about 15 ms
 * of a short run). Anything else (single quotes, escapes, flow lists, nested or multi-line flow
 * collections, anchors, tags, multi-line scalars, {@code - key: value} items, tabs, non-ASCII text,
 * duplicate keys, anything YAML could read as another type's null) makes {@link #read} return null,
 * and the full reader reads the file: so every diagnostic and every limit stays the full reader's.
 */
final class PlainBlockYaml {
    /** Deep enough for every state file shape; deeper documents take the full reader and its bound. */
    private static final int MAX_DEPTH = 16;

    private final String file;
    private final String text;
    /** The text's characters, all ASCII (indexing bytes is cheaper than String.charAt) */
    private final byte[] b;
    private final int length;
    /** The current significant line: its start offset, 1-based number and indentation; {@code at == length} at the end. */
    private int at;
    private int lineNo;
    private int indent;

    /** Thrown to give up on the subset; cheap (no stack trace). */
    private static final class NotPlain extends RuntimeException {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private PlainBlockYaml(String file, String text, byte[] bytes) {
        this.file = file;
        this.text = text;
        this.b = bytes;
        this.length = text.length();
    }

    /** The document's root, or null when the text is not in the subset (the full reader decides then). */
    static YamlNode read(String file, String text) {
        // a character beyond Latin-1 becomes '?', which the subset does not take (nor comments with one)
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (byte c : bytes) {
            if ((c < 0x20 || c > 0x7e || c == '?') && c != '\n') return null; // tabs, CR, control and non-ASCII: columns and rules differ
        }
        PlainBlockYaml reader = new PlainBlockYaml(file, text, bytes);
        try {
            reader.skipInsignificant(0, 1);
            if (reader.at == reader.length || reader.indent != 0) return null;
            YamlNode root = reader.block(0);
            return reader.at == reader.length ? root : null;
        } catch (NotPlain e) {
            return null;
        }
    }

    static RuntimeException notPlain() {
        return NotPlain.INSTANCE;
    }

    /** Moves to the first line from {@code offset} (line {@code number}) that is neither blank nor a comment. */
    private void skipInsignificant(int offset, int number) {
        int i = offset;
        int n = number;
        while (i < length) {
            int j = i;
            while (j < length && b[j] == ' ') j++;
            if (j < length && b[j] != '\n' && b[j] != '#') {
                at = i;
                lineNo = n;
                indent = j - i;
                return;
            }
            while (j < length && b[j] != '\n') j++;
            i = j + 1;
            n++;
        }
        at = length;
        lineNo = n;
        indent = -1;
    }

    /** Goes past the current line. */
    private void nextLine() {
        int end = lineEnd(at);
        skipInsignificant(end == length ? length : end + 1, lineNo + 1);
    }

    private boolean atSequenceEntry() {
        int c = at + indent;
        return b[c] == '-' && (c + 1 == length || b[c + 1] == ' ' || b[c + 1] == '\n');
    }

    /** The block node whose first line is the current one, at its indentation. */
    private YamlNode block(int depth) {
        if (depth > MAX_DEPTH) throw notPlain();
        return atSequenceEntry() ? sequence(depth) : mapping(depth);
    }

    private YamlNode.Mapping mapping(int depth) {
        int own = indent;
        SourcePos pos = pos(lineNo, own);
        List<YamlNode.Field> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (at < length && indent == own && !atSequenceEntry()) {
            int keyStart = at + own;
            int colon = keyEnd(keyStart);
            String key = text.substring(keyStart, colon);
            if (!keys.add(key)) throw notPlain(); // the full reader reports duplicates
            SourcePos keyPos = pos(lineNo, own);
            int valueLine = lineNo;
            int lineStart = at;
            int rest = colon + 1;
            int end = lineEnd(rest);
            int v = rest;
            while (v < end && b[v] == ' ') v++;
            YamlNode value;
            if (v == end || b[v] == '#') {
                if (v < end && v == rest) throw notPlain(); // "key:#" is not a comment
                nextLine();
                if (at < length && (indent > own || (indent == own && atSequenceEntry()))) {
                    value = block(depth + 1);
                } else {
                    // an empty value is an empty text (not null) just after the ':', as the full reader gives it
                    value = new YamlNode.Scalar(pos(valueLine, rest - lineStart), "");
                }
            } else {
                value = value(valueLine, v, end);
                nextLine();
                if (at < length && indent > own) throw notPlain(); // a continuation line of a multi-line scalar
            }
            fields.add(new YamlNode.Field(key, keyPos, value));
        }
        if (at < length && indent > own) throw notPlain();
        return new YamlNode.Mapping(pos, fields);
    }

    private YamlNode.Sequence sequence(int depth) {
        int own = indent;
        SourcePos pos = pos(lineNo, own);
        List<YamlNode> items = new ArrayList<>();
        while (at < length && indent == own && atSequenceEntry()) {
            int dash = at + own;
            int end = lineEnd(dash);
            int v = dash + 1;
            while (v < end && b[v] == ' ') v++;
            if (v == end || b[v] == '#') throw notPlain(); // nested blocks and empty items: the full reader
            YamlNode item = value(lineNo, v, end);
            nextLine();
            if (at < length && indent > own) throw notPlain();
            items.add(item);
        }
        if (at < length && indent > own) throw notPlain();
        return new YamlNode.Sequence(pos, items);
    }

    /** The offset of the ':' that ends a simple key starting at {@code start}. */
    private int keyEnd(int start) {
        int i = start;
        while (i < length) {
            char c = (char) b[i];
            if (c == ':') break;
            if (!(isAlnum(c) || c == '_' || (i > start && (c == '-' || c == '.' || c == '/')))) throw notPlain();
            i++;
        }
        if (i == start || i >= length) throw notPlain();
        int after = i + 1;
        if (after < length && b[after] != ' ' && b[after] != '\n') throw notPlain();
        String key = text.substring(start, i);
        if (isSpecial(key)) throw notPlain();
        return i;
    }

    /** A one-line value of the current line from {@code from} up to its end: a flow mapping, a double-quoted or a plain scalar. */
    private YamlNode value(int line, int from, int end) {
        if (b[from] == '{') return flowMapping(line, from, end);
        if (b[from] != '"') return scalar(line, from, end);
        int close = quotedEnd(b, from, end);
        lineRest(b, close, end);
        return new YamlNode.Scalar(pos(line, from - at), text.substring(from + 1, close - 1));
    }

    /**
     * A one-line flow mapping, {@code { key: value, ... }}, of simple keys and flow-plain or double-quoted
     * values (the seed's rules and expectations), with nothing but a comment after it.
     */
    private YamlNode.Mapping flowMapping(int line, int from, int end) {
        List<YamlNode.Field> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int i = spaces(b, from + 1, end);
        boolean more = i < end && b[i] != '}';
        while (more) {
            int colon = i;
            while (colon < end && (isAlnum((char) b[colon]) || b[colon] == '_' || (colon > i && (b[colon] == '-' || b[colon] == '.' || b[colon] == '/')))) {
                colon++;
            }
            if (colon == i || colon + 1 >= end || b[colon] != ':' || b[colon + 1] != ' ') throw notPlain();
            String key = text.substring(i, colon);
            if (isSpecial(key) || !keys.add(key)) throw notPlain(); // the merge key, a duplicate: the full reader
            int v = spaces(b, colon + 1, end);
            if (v == end) throw notPlain();
            int valueEnd;
            String value;
            if (b[v] == '"') {
                valueEnd = quotedEnd(b, v, end);
                value = text.substring(v + 1, valueEnd - 1);
            } else {
                valueEnd = flowPlainEnd(b, v, end);
                value = text.substring(v, valueEnd);
                if (isSpecial(value)) throw notPlain();
            }
            fields.add(new YamlNode.Field(key, pos(line, i - at), new YamlNode.Scalar(pos(line, v - at), value)));
            i = spaces(b, valueEnd, end);
            if (i == end || (b[i] != ',' && b[i] != '}')) throw notPlain();
            more = b[i] == ',';
            if (more) i = spaces(b, i + 1, end);
            if (more && (i == end || b[i] == '}')) throw notPlain(); // a trailing comma
        }
        if (i == end) throw notPlain();
        lineRest(b, i + 1, end);
        return new YamlNode.Mapping(pos(line, from - at), fields);
    }

    /** A one-line plain scalar of the current line from {@code from} up to its end, without a trailing comment. */
    private YamlNode.Scalar scalar(int line, int from, int end) {
        char first = (char) b[from];
        if (!(isAlnum(first) || first == '_' || first == '.' || first == '/' || first == '+'
                || (first == '-' && from + 1 < end && b[from + 1] != ' '))) {
            throw notPlain();
        }
        int last = from;
        for (int i = from; i < end; i++) {
            char c = (char) b[i];
            if (c == ' ') {
                if (i + 1 < end && b[i + 1] == '#') break; // a comment ends the value
                continue;
            }
            if (c >= SCALAR_CHARS.length || !SCALAR_CHARS[c]) throw notPlain();
            if (c == ':' && (i + 1 == end || b[i + 1] == ' ')) throw notPlain(); // a mapping inside
            last = i + 1;
        }
        String value = text.substring(from, last);
        if (isSpecial(value)) throw notPlain();
        return new YamlNode.Scalar(pos(line, from - at), value);
    }

    private int lineEnd(int from) {
        int end = from;
        while (end < length && b[end] != '\n') end++;
        return end;
    }

    private SourcePos pos(int line, int column0) {
        return new SourcePos(file, line, column0 + 1);
    }
}
