package io.routesync.config.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code {{ name }}} references in a string. Only plain variable names are understood; any other
 * Jinja (filters, expressions, {@code {% %}} blocks) is kept as an {@link Unsupported} part so the
 * caller can report it instead of passing template text on as if it were a value.
 */
final class Template {
    sealed interface Part permits Literal, Reference, Unsupported {
    }

    record Literal(String text) implements Part {
    }

    record Reference(String name) implements Part {
    }

    record Unsupported(String expression) implements Part {
    }

    private Template() {
    }

    static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%") || text.contains("{#"));
    }

    static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = nextOpening(text, i);
            if (open < 0) {
                parts.add(new Literal(text.substring(i)));
                break;
            }
            if (open > i) parts.add(new Literal(text.substring(i, open)));
            char kind = text.charAt(open + 1);
            String closing = kind == '{' ? "}}" : kind + "}";
            int close = text.indexOf(closing, open + 2);
            if (close < 0) {
                parts.add(new Unsupported(text.substring(open)));
                break;
            }
            String inner = text.substring(open + 2, close).strip();
            if (kind == '{' && InventoryNames.isVariable(inner)) parts.add(new Reference(inner));
            else parts.add(new Unsupported(text.substring(open, close + 2)));
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
