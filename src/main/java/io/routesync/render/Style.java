package io.routesync.render;

/**
 * Terminal colour for the human views: ANSI codes only when writing to a terminal and not disabled
 * ({@code --no-color}, {@code NO_COLOR}); otherwise plain text, so pipes and logs stay clean.
 */
public final class Style {
    public static final Style PLAIN = new Style(false);
    public static final Style COLOR = new Style(true);

    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
