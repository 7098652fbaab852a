package io.routesync.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Graphviz DOT graph as {@link PolicyDot} builds it: nodes and edges in the order they were added, paths
 * coloured over them, printed with every label a quoted DOT string ({@link #quote}), never an HTML label.
 */
final class DotGraph {
    private final Map<String, String[]> nodeLabels = new LinkedHashMap<>();
    private final Map<String, String> nodeAttrs = new LinkedHashMap<>();
    private final Map<List<String>, String> edges = new LinkedHashMap<>();

    void node(String id, String attrs, String... label) {
        nodeLabels.put(id, label);
        nodeAttrs.put(id, attrs);
    }

    /** The colours of the paths through a node or an edge, in the order the paths were drawn. */
    private final Map<Object, List<String>> pathColours = new LinkedHashMap<>();

    boolean has(String id) {
        return nodeLabels.containsKey(id);
    }

    /** A node on a path: drawn in the first path's colour (a later path through it keeps that one). */
    void pathNode(String id, String colour) {
        List<String> c = pathColours.computeIfAbsent(id, k -> new ArrayList<>());
        if (c.isEmpty()) nodeAttrs.merge(id, "color=\"" + colour + "\", penwidth=3", DotGraph::join);
        if (!c.contains(colour)) c.add(colour);
    }

    void edge(String from, String to, String attrs) {
        edges.putIfAbsent(List.of(from, to), attrs);
    }

    /** An edge on a path (added if the picture has none): drawn in every path's colour, side by side. */
    void pathEdge(String from, String to, String colour, String attrs) {
        List<String> key = List.of(from, to);
        edges.putIfAbsent(key, "");
        if (!attrs.isEmpty() && !edges.get(key).contains(attrs)) edges.merge(key, attrs, DotGraph::join);
        List<String> c = pathColours.computeIfAbsent(key, k -> new ArrayList<>());
        if (!c.contains(colour)) c.add(colour);
    }

    String print(String title, List<String> ruleColumn) {
        StringBuilder out = new StringBuilder(4096);
        out.append("digraph policy {\n");
        out.append("  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=14, nodesep=0.25, ranksep=0.6, label=")
                .append(quote(title)).append("];\n");
        out.append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
        // the rules form one column, top to bottom in evaluation order, under a heading: a rank of their own
        // (a plain subgraph; dot does not keep the order of a ranked column inside a cluster)
        List<String> column = new ArrayList<>(List.of("rules"));
        column.addAll(ruleColumn);
        out.append("  subgraph rules_column {\n    rank=same;\n");
        out.append("    rules [shape=plaintext, fontsize=11, label=\"rules, tried top to bottom\"];\n");
        for (String id : ruleColumn) nodeLine(out, "    ", id);
        out.append("  }\n");
        Set<String> inColumn = new HashSet<>(ruleColumn);
        for (String id : nodeLabels.keySet()) {
            if (!inColumn.contains(id)) nodeLine(out, "  ", id);
        }
        for (int i = 1; i < column.size(); i++) {
            out.append("  ").append(column.get(i - 1)).append(" -> ").append(column.get(i)).append(" [style=invis];\n");
        }
        edges.forEach((k, given) -> {
            List<String> colours = pathColours.get(k);
            String attrs = colours == null ? given
                    : join(given, "color=\"" + String.join(":", colours) + "\", penwidth=" + (colours.size() == 1 ? 3 : 2));
            out.append("  ").append(k.get(0)).append(" -> ").append(k.get(1));
            if (!attrs.isEmpty()) out.append(" [").append(attrs).append(']');
            out.append(";\n");
        });
        out.append("}\n");
        return out.toString();
    }

    private void nodeLine(StringBuilder out, String indent, String id) {
        out.append(indent).append(id).append(" [label=").append(label(nodeLabels.get(id)));
        String attrs = nodeAttrs.get(id);
        if (attrs != null && !attrs.isEmpty()) out.append(", ").append(attrs);
        out.append("];\n");
    }

    /**
     * A DOT quoted string showing {@code text} literally: quotes and backslashes escaped (so no {@code \N},
     * {@code \l} escape reaches Graphviz), {@code &} and {@code <}, {@code >} as entities (Graphviz decodes
     * entities in plain labels too), control, line-separator and bidi characters as visible {@code \xNN}.
     */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200f)
                            || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff) {
                        b.append("\\\\x").append(String.format("%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
            }
        });
        return b.append('"').toString();
    }

    /** Lines joined with DOT's centred line break, each line quoted. */
    static String label(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (l.isEmpty()) continue;
            String q = quote(l);
            if (b.length() > 0) b.append("\\n");
            b.append(q, 1, q.length() - 1);
        }
        return "\"" + b + "\"";
    }

    /** Two DOT attribute lists as one. */
    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }
}
