package io.routesync.formats;

import java.util.Locale;
import java.util.Set;

/** Booleans as systemd (parse_boolean) and netplan (YAML 1.1 booleans) write them. */
final class Booleans {
    private static final Set<String> TRUE = Set.of("1", "yes", "y", "true", "t", "on");
    private static final Set<String> FALSE = Set.of("0", "no", "n", "false", "f", "off");

    private Booleans() {
    }

    /** TRUE, FALSE, or null when {@code text} is neither (or null). */
    static Boolean parse(String text) {
        if (text == null) return null;
        String t = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(t)) return Boolean.TRUE;
        if (FALSE.contains(t)) return Boolean.FALSE;
        return null;
    }
}
