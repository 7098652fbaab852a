package io.routesync.render;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Prometheus's text exposition format (version 0.0.4), as node_exporter's textfile collector reads it:
 * per metric family a {@code # HELP} and a {@code # TYPE} line, then its samples, one a line. Label
 * values are data (host names, commits, namespace names), so they are escaped as the format says:
 * backslash, double quote and line feed; help text escapes backslash and line feed.
 */
final class PrometheusText {
    private final StringBuilder out = new StringBuilder();

    /** Starts a family; its samples follow. {@code type}: gauge or counter. */
    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample of the family just started; {@code labels} in the order given (names are the code's, never data). */
    PrometheusText sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, String> l : labels.entrySet()) {
                out.append(sep).append(l.getKey()).append("=\"").append(escapeLabel(l.getValue())).append('"');
                sep = ",";
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    String text() {
        return out.toString();
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction or exponent (counts, exit codes), others in plain decimal (seconds). */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).toPlainString();
    }
}
