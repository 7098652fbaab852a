package io.routesync.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML file into a {@link YamlNode} tree with positions, on Jackson's streaming YAML parser.
 * Syntax errors, duplicate keys and unquoted {@code {{ var }}} (which YAML reads as a mapping) become
 * diagnostics; all duplicate keys of a file are reported together.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    private static final String QUOTE_VARIABLE =
            "write \"{{ name }}\" (in double quotes); unquoted, YAML reads the braces as a mapping";
    private static final Pattern UNQUOTED_VARIABLE = Pattern.compile("(?:^|[:,\\[-])\\s*(\\{\\{)");
    private static final Pattern PARSER_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event[^>]*>");

    private final SourceFile source;
    private final List<Diagnostic> problems = new ArrayList<>();

    private YamlReader(SourceFile source) {
        this.source = source;
    }

    /** The document's root node; an empty file gives a null scalar at line 0. */
    public static YamlNode read(SourceFile source) throws InvalidInputException {
        return new YamlReader(source).readDocument();
    }

    private YamlNode readDocument() throws InvalidInputException {
        try (JsonParser parser = FACTORY.createParser(source.content())) {
            JsonToken first = parser.nextToken();
            if (first == null) return new YamlNode.Scalar(SourcePos.file(source.name()), null);
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                problems.add(Diagnostic.error(pos(parser.currentTokenLocation()),
                        "more than one YAML document in this file", "keep one document per file (remove the extra '---')"));
            }
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourcePos where = at == null ? SourcePos.file(source.name()) : pos(at);
            SourcePos variable = unquotedVariableOnLine(where);
            if (variable != null) {
                // inside a flow mapping, an unquoted {{ x }} is a syntax error rather than a mapping key
                problems.add(Diagnostic.error(variable, "a '{{ variable }}' must be quoted in YAML", QUOTE_VARIABLE));
            } else {
                problems.add(Diagnostic.error(where, "YAML syntax error: " + withoutParserNames(firstLine(e.getOriginalMessage())),
                        "check indentation, colons and quotes near this place; values starting with '{{', '[', '{', '*', '&', '!' or '%' must be quoted"));
            }
            throw new InvalidInputException(problems);
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourcePos.file(source.name()), "cannot read: " + e.getMessage(), ""));
            throw new InvalidInputException(problems);
        }
    }

    private YamlNode readValue(JsonParser parser) throws IOException {
        SourcePos at = pos(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, at);
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) items.add(readValue(parser));
                return new YamlNode.Sequence(at, items);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(at, null, tag(parser));
            default:
                return new YamlNode.Scalar(at, parser.getText(), tag(parser));
        }
    }

    // Jackson gives a local tag without its '!' ("vault" for !vault); give it back as written
    private static String tag(JsonParser parser) throws IOException {
        Object id = parser.getTypeId();
        if (id == null) return null;
        String tag = id.toString();
        return tag.contains(":") ? tag : "!" + tag;
    }

    private YamlNode readMapping(JsonParser parser, SourcePos at) throws IOException {
        List<YamlNode.Field> fields = new ArrayList<>();
        Map<String, SourcePos> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePos keyPos = pos(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = readValue(parser);
            if (key.startsWith("{") || (key.isEmpty() && value instanceof YamlNode.Mapping)) {
                problems.add(Diagnostic.error(keyPos, "a '{{ variable }}' must be quoted in YAML", QUOTE_VARIABLE));
                continue;
            }
            SourcePos earlier = seen.putIfAbsent(key, keyPos);
            if (earlier != null) {
                problems.add(Diagnostic.error(keyPos, "duplicate key '" + key + "' (first at line " + earlier.line() + ")",
                        "keep one '" + key + ":' per mapping"));
                continue;
            }
            fields.add(new YamlNode.Field(key, keyPos, value));
        }
        return new YamlNode.Mapping(at, fields);
    }

    private SourcePos pos(JsonLocation location) {
        return new SourcePos(source.name(), location.getLineNr(), location.getColumnNr());
    }

    /** The place of an unquoted {@code {{} on the error's line (after ':', ',', '[' or '-'), or null. */
    private SourcePos unquotedVariableOnLine(SourcePos where) {
        if (where.line() < 1) return null;
        String[] lines = source.content().split("\n", -1);
        if (where.line() > lines.length) return null;
        Matcher m = UNQUOTED_VARIABLE.matcher(lines[where.line() - 1]);
        return m.find() ? new SourcePos(where.file(), where.line(), m.start(1) + 1) : null;
    }

    /** snakeyaml names its events by Java class; users should read YAML words. */
    private static String withoutParserNames(String message) {
        Matcher m = PARSER_EVENT.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String event = m.group(1);
            String word = event.startsWith("Mapping") ? "a mapping" : event.startsWith("Sequence") ? "a list"
                    : event.equals("Scalar") ? "a value" : "something else";
            m.appendReplacement(out, word);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable YAML";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
