package io.routesync.formats;

import io.routesync.iproute2.Names;
import java.util.List;

/**
 * The entry point: a format and the texts of its files in, the rules and routes they make (with where
 * each came from) and what could not be translated out. Easy to call from a test: no files, no processes.
 */
public final class FormatImport {
    private FormatImport() {
    }

    /**
     * Reads {@code files} as {@code format}. {@code names} are the table (and protocol) names of the host's
     * rt_tables files; entries without a protocol get {@code protocolTag}, as a state file's do.
     */
    public static Imported read(ImportFormat format, List<FormatFile> files, Names names, int protocolTag) {
        Entries into = new Entries(names, protocolTag);
        switch (format) {
            case INTERFACES: InterfacesReader.read(files, into); break;
            case SCRIPT: ScriptReader.read(files, into); break;
            case NETPLAN: NetplanReader.read(files, into); break;
            case NETWORKD: NetworkdReader.read(files, into); break;
            default: throw new IllegalArgumentException(format.toString());
        }
        return into.result();
    }
}
