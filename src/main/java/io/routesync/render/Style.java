package io.routesync.render;

/**
 * Terminal colour for the human views: ANSI codes only when writing to a terminal and not disabled
 * ({@code --no-color}, {@code NO_COLOR}); otherwise plain text, so pipes and logs stay clean.
 */
public final class Style {
    public static final Style PLAIN = new Style(null);
    /** Colours with the plain ANSI introducer ESC [ (what the terminal finally receives). */
    public static final Style COLOR = new Style("\u001b[");

    /** The introducer of each sequence (ESC [, or what the output filter turns into it); null: no colour. */
    private final String csi;

    private Style(String csi) {
        this.csi = csi;
    }

    /**
     * Colours written with {@code csi} in place of ESC [: the CLI's output filter lets only its own
     * secret introducer become ESC [, so colour codes that arrive inside data stay escaped.
     */
    public static Style color(String csi) {
        return new Style(csi);
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
        return csi != null ? csi + code + "m" + s + csi + "0m" : s;
    }
}
