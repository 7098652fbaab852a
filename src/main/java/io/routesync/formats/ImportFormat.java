package io.routesync.formats;

import java.util.Locale;

/** The formats {@code import --from} reads. */
public enum ImportFormat {
    INTERFACES, SCRIPT, NETPLAN, NETWORKD;

    /** The word on the command line ({@code interfaces}, ...). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format for {@code word}, or null. */
    public static ImportFormat of(String word) {
        for (ImportFormat f : values()) {
            if (f.word().equals(word)) return f;
        }
        return null;
    }
}
