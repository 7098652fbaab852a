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

/**
 * Reads one YAML file into a {@link YamlNode} tree with positions, on Jackson's streaming YAML parser.
 * Syntax errors, duplicate keys and unquoted {@code {{ var }}} (which YAML reads as a mapping) become
 * diagnostics; all duplicate keys of a file are reported together.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

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
            problems.add(Diagnostic.error(at == null ? SourcePos.file(source.name()) : pos(at),
                    "YAML syntax error: " + firstLine(e.getOriginalMessage()),
                    "check indentation, colons and quotes near this place; values starting with '{{', '[', '{', '*', '&', '!' or '%' must be quoted"));
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
                return new YamlNode.Scalar(at, null);
            default:
                return new YamlNode.Scalar(at, parser.getText());
        }
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
                problems.add(Diagnostic.error(keyPos, "a '{{ variable }}' must be quoted in YAML",
                        "write \"{{ name }}\" (in double quotes); unquoted, YAML reads the braces as a mapping"));
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

    private static String firstLine(String message) {
        if (message == null) return "unreadable YAML";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
