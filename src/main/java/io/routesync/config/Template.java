package io.routesync.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code {{ name }}} references in a string, shared by state files and the inventory. Only plain
 * variable names are understood: any other Jinja (filters, expressions, {@code {% %}} blocks, an
 * unclosed {@code {{}) is kept as an {@link Unsupported} part so the caller reports it instead of
 * passing template text on as if it were a value. Every part knows where it starts in the text.
 */
public final class Template {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A piece of the text, starting at {@code start}. */
    public sealed interface Part permits Literal, Reference, Unsupported {
        int start();
    }

    public record Literal(int start, String text) implements Part {
    }

    /** {@code {{ name }}}: {@code end} is just past the closing braces. */
    public record Reference(int start, int end, String name) implements Part {
    }

    /** Template syntax routesync does not evaluate; {@code closed} is false for a '{{' without '}}'. */
    public record Unsupported(int start, String expression, boolean closed) implements Part {
    }

    private Template() {
    }

    public static boolean isTemplate(String text) {
        return text != null && nextOpening(text, 0) >= 0; // '{{', '{%' or '{#': one pass over the text
    }

    public static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = nextOpening(text, i);
            if (open < 0) {
                parts.add(new Literal(i, text.substring(i)));
                break;
            }
            if (open > i) parts.add(new Literal(i, text.substring(i, open)));
            char kind = text.charAt(open + 1);
            String closing = kind == '{' ? "}}" : kind + "}";
            int close = text.indexOf(closing, open + 2);
            if (close < 0) {
                parts.add(new Unsupported(open, text.substring(open), false));
                break;
            }
            String inner = text.substring(open + 2, close).strip();
            if (kind == '{' && NAME.matcher(inner).matches()) parts.add(new Reference(open, close + 2, inner));
            else parts.add(new Unsupported(open, text.substring(open, close + 2), true));
            i = close + 2;
        }
        return parts;
    }

    private static int nextOpening(String text, int from) {
        for (int i = from; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '{') {
                char next = text.charAt(i + 1);
                if (next == '{' || next == '%' || next == '#') return i;
            }
        }
        return -1;
    }
}
