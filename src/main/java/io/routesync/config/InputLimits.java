package io.routesync.config;

/**
 * The documented bounds on what routesync reads, so hostile or broken input is refused with a clear
 * message instead of exhausting memory or time. Each bound is far above any real state or inventory.
 */
public final class InputLimits {
    /** Largest input file (state, inventory, vars file, plan file): 256 MiB, about 5 million routes. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    /** Deepest YAML nesting of mappings and lists; a state needs about 6 levels, an inventory a few per group level. */
    public static final int MAX_YAML_DEPTH = 100;

    /** Most nodes that YAML aliases ({@code *name}) and merge keys may repeat in one file ("billion laughs"). */
    public static final long MAX_ALIAS_NODES = 1_000_000;

    private InputLimits() {
    }

    /** A byte count for messages: "3.0 GiB", "300 MiB", "12 bytes". */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        return bytes + " bytes";
    }
}
