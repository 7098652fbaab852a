package io.routesync.formats.export;

import java.util.function.Function;

/** The formats {@code routesync export --to} writes, each with its writer and the version it targets. */
public enum ExportFormat {
    NETPLAN("netplan", NetplanWriter.TARGET, NetplanWriter::write),
    NETWORKD("networkd", NetworkdWriter.TARGET, NetworkdWriter::write),
    INTERFACES("interfaces", InterfacesWriter.TARGET, InterfacesWriter::write);

    private final String word;
    private final String target;
    private final Function<ExportInput, Exported> writer;

    ExportFormat(String word, String target, Function<ExportInput, Exported> writer) {
        this.word = word;
        this.target = target;
        this.writer = writer;
    }

    public String word() {
        return word;
    }

    /** The tool and version the files are written for ({@code netplan 0.106 (Debian 12), ...}). */
    public String target() {
        return target;
    }

    public Exported write(ExportInput in) {
        return writer.apply(in);
    }

    @Override
    public String toString() {
        return word;
    }
}
