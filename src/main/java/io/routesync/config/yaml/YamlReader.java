package io.routesync.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.routesync.config.Diagnostic;
import io.routesync.config.InputLimits;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML file into a {@link YamlNode} tree with positions, on Jackson's streaming YAML parser.
 * Syntax errors, duplicate keys and unquoted {@code {{ var }}} (which YAML reads as a mapping) become
 * diagnostics; all duplicate keys of a file are reported together.
 *
 * <p>Anchors, aliases and merge keys are resolved as Ansible (PyYAML, YAML 1.1) reads them: {@code *a}
 * is the value written at {@code &a} (the same node, shared, not a copy), and {@code <<: *a} or
 * {@code <<: [*a, *b]} merges mappings, keys written in the mapping itself winning over merged ones and
 * earlier mappings of the list over later ones. How much aliases may repeat, how deep the document may
 * nest and how large it may be are bounded by {@link InputLimits}.
 */
public final class YamlReader {
    private static final String MERGE_KEY = "<<";
    private static final String QUOTE_VARIABLE =
            "write \"{{ name }}\" (in double quotes); unquoted, YAML reads the braces as a mapping";

    /** What only the full reader uses, made when it first reads: a file the plain-block reader takes loads none of it. */
    private static final class Full {
        static final EventParser.Factory FACTORY = new EventParser.Factory(loaderOptions());
        static final Pattern UNQUOTED_VARIABLE = Pattern.compile("(?:^|[:,\\[-])\\s*(\\{\\{)");
        static final Pattern PARSER_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event[^>]*>");
    }

    private final SourceFile source;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    /** Nodes of the document as aliases expand it: every node read plus, at each alias, its anchor's size. */
    private long nodes;
    private long aliasNodes;

    /** A value with an anchor, and how many nodes it stands for once its own aliases are expanded. */
    private record Anchored(YamlNode node, long size) {
    }

    /** Stops reading at a bound; the diagnostic says which. */
    private static final class LimitReached extends RuntimeException {
        final transient Diagnostic diagnostic;

        LimitReached(Diagnostic diagnostic) {
            super(null, null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private YamlReader(SourceFile source) {
        this.source = source;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // snakeyaml's default (3 MiB) refuses a 75k-route state; the file size bound is ours, checked first
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, InputLimits.MAX_FILE_BYTES));
        return options;
    }

    /** The document's root node; an empty file gives a null scalar at line 0. */
    public static YamlNode read(SourceFile source) throws InvalidInputException {
        if (source.content().length() <= InputLimits.MAX_FILE_BYTES) {
            // most large files are plain blocks of one-line values: read those directly, the same tree
            YamlNode plain = PlainBlockYaml.read(source.name(), source.content());
            if (plain != null) return plain;
        }
        return readEvents(source);
    }

    /** The full reader alone, on Jackson's and snakeyaml's events (tests compare the plain-block reader with it). */
    static YamlNode readEvents(SourceFile source) throws InvalidInputException {
        return new YamlReader(source).readDocument();
    }

    private YamlNode readDocument() throws InvalidInputException {
        if (source.content().length() > InputLimits.MAX_FILE_BYTES) {
            problems.add(Diagnostic.error(SourcePos.file(source.name()), "the file is larger than routesync reads ("
                    + InputLimits.size(InputLimits.MAX_FILE_BYTES) + ")", "split it into several files"));
            throw new InvalidInputException(problems);
        }
        try (EventParser parser = Full.FACTORY.create(new StringReader(source.content()))) {
            JsonToken first = parser.nextToken();
            if (first == null) return new YamlNode.Scalar(SourcePos.file(source.name()), null);
            YamlNode root = readValue(parser, 1);
            if (parser.nextToken() != null) {
                problems.add(Diagnostic.error(pos(parser.currentTokenLocation()),
                        "more than one YAML document in this file", "keep one document per file (remove the extra '---')"));
            }
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            return root;
        } catch (LimitReached e) {
            problems.add(e.diagnostic);
            throw new InvalidInputException(problems);
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

    private YamlNode readValue(EventParser parser, int depth) throws IOException {
        SourcePos at = pos(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (parser.isCurrentAlias()) return alias(parser.getText(), at);
        String anchor = parser.anchor();
        long before = nodes;
        YamlNode node;
        switch (token) {
            case START_OBJECT:
                checkDepth(depth, at);
                node = readMapping(parser, at, depth);
                break;
            case START_ARRAY: {
                checkDepth(depth, at);
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) items.add(readValue(parser, depth + 1));
                node = new YamlNode.Sequence(at, items);
                break;
            }
            case VALUE_NULL:
                node = new YamlNode.Scalar(at, null, tag(parser));
                break;
            default:
                node = new YamlNode.Scalar(at, parser.getText(), tag(parser));
        }
        nodes++;
        if (anchor != null) anchors.put(anchor, new Anchored(node, nodes - before));
        return node;
    }

    private void checkDepth(int depth, SourcePos at) {
        if (depth > InputLimits.MAX_YAML_DEPTH) {
            throw new LimitReached(Diagnostic.error(at, "mappings and lists are nested deeper than " + InputLimits.MAX_YAML_DEPTH + " levels",
                    "routesync's files need a few levels; check for a runaway indentation or bracket"));
        }
    }

    /** {@code *name}: the anchored node itself; its expanded size counts against the file's alias bound. */
    private YamlNode alias(String name, SourcePos at) {
        Anchored a = anchors.get(name);
        if (a == null) {
            problems.add(Diagnostic.error(at, "alias '*" + name + "' refers to no anchor '&" + name + "' before it",
                    "put '&" + name + "' on a value earlier in this file (an alias cannot refer to a later value or to one that contains it),"
                            + " or quote the value if '*' is meant literally"));
            return new YamlNode.Scalar(at, null);
        }
        aliasNodes += a.size();
        nodes += a.size();
        if (aliasNodes > InputLimits.MAX_ALIAS_NODES) {
            throw new LimitReached(Diagnostic.error(at, "aliases in this file repeat more than " + InputLimits.MAX_ALIAS_NODES
                    + " values (an alias of aliases grows exponentially)", "write the values out, or use fewer levels of aliases"));
        }
        return a.node();
    }

    // Jackson gives a local tag without its '!' ("vault" for !vault); give it back as written
    private static String tag(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
        Object id = parser.getTypeId();
        if (id == null) return null;
        String tag = id.toString();
        return tag.contains(":") ? tag : "!" + tag;
    }

    private YamlNode readMapping(EventParser parser, SourcePos at, int depth) throws IOException {
        List<YamlNode.Field> fields = new ArrayList<>();
        List<YamlNode.Field> merged = new ArrayList<>();
        Map<String, SourcePos> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePos keyPos = pos(parser.currentTokenLocation());
            boolean plain = parser.isPlainScalar();
            parser.nextToken();
            YamlNode value = readValue(parser, depth + 1);
            if (key.equals(MERGE_KEY) && plain) {
                merged.addAll(mergedFields(value, keyPos));
                continue;
            }
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
        if (merged.isEmpty()) return new YamlNode.Mapping(at, fields);
        // PyYAML's order: merged fields first, then the mapping's own; a later field replaces an earlier
        // one's value but keeps its place
        Map<String, YamlNode.Field> result = new LinkedHashMap<>();
        for (YamlNode.Field f : merged) result.put(f.key(), f);
        for (YamlNode.Field f : fields) result.put(f.key(), f);
        nodes += result.size();
        return new YamlNode.Mapping(at, new ArrayList<>(result.values()));
    }

    /** The fields {@code <<: value} contributes, in PyYAML's order: of a list, the last mapping first (so the first wins). */
    private List<YamlNode.Field> mergedFields(YamlNode value, SourcePos keyPos) {
        if (value instanceof YamlNode.Mapping) return ((YamlNode.Mapping) value).fields();
        String fix = "write '<<: *name' or '<<: [*a, *b]' with anchors of mappings ('&name' on a mapping)";
        if (value instanceof YamlNode.Sequence) {
            List<YamlNode> items = new ArrayList<>(((YamlNode.Sequence) value).items());
            Collections.reverse(items);
            List<YamlNode.Field> out = new ArrayList<>();
            for (YamlNode item : items) {
                if (item instanceof YamlNode.Mapping) out.addAll(((YamlNode.Mapping) item).fields());
                else problems.add(Diagnostic.error(item.pos(), "the merge key '<<' merges mappings, not " + item.kind(), fix));
            }
            return out;
        }
        boolean reported = problems.stream().anyMatch(d -> d.pos().equals(value.pos())); // an alias without anchor
        if (!reported) {
            problems.add(Diagnostic.error(keyPos, "the merge key '<<' merges a mapping or a list of mappings, not " + value.kind(), fix));
        }
        return List.of();
    }

    private SourcePos pos(JsonLocation location) {
        return new SourcePos(source.name(), location.getLineNr(), location.getColumnNr());
    }

    /** The place of an unquoted {@code {{} on the error's line (after ':', ',', '[' or '-'), or null. */
    private SourcePos unquotedVariableOnLine(SourcePos where) {
        if (where.line() < 1) return null;
        String[] lines = source.content().split("\n", -1);
        if (where.line() > lines.length) return null;
        Matcher m = Full.UNQUOTED_VARIABLE.matcher(lines[where.line() - 1]);
        return m.find() ? new SourcePos(where.file(), where.line(), m.start(1) + 1) : null;
    }

    /** snakeyaml names its events by Java class; users should read YAML words. */
    private static String withoutParserNames(String message) {
        Matcher m = Full.PARSER_EVENT.matcher(message);
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
