package io.routesync.parse;

import io.routesync.model.TableId;
import java.util.Map;

/**
 * The name tables iproute2 uses when reading and printing: routing tables ({@code rt_tables}),
 * protocols ({@code rt_protos}), scopes, dsfield, realms, interface groups and IP protocols, each with
 * iproute2's built-ins. Immutable; {@code with...} returns a copy. (API stub.)
 */
public final class Names {
    private Names() {
    }

    /** iproute2's built-in names only (local/main/default, kernel/boot/static/..., host/link/global, tcp/udp/...). */
    public static Names builtin() {
        throw new UnsupportedOperationException("stub");
    }

    /** A copy that also knows {@code name} as table {@code id}. */
    public Names withTable(String name, TableId id) {
        throw new UnsupportedOperationException("stub");
    }

    /** A copy that also knows these table names (first binding of a name or an id wins, as in iproute2). */
    public Names withTables(Map<String, TableId> tables) {
        throw new UnsupportedOperationException("stub");
    }

    /** A copy that also knows {@code name} as route/rule protocol {@code number}. */
    public Names withProtocol(String name, int number) {
        throw new UnsupportedOperationException("stub");
    }

    /** The table for a name or a number (decimal or 0x hex); null when unknown. Zero is refused by TableId. */
    public TableId table(String word) {
        throw new UnsupportedOperationException("stub");
    }

    /** The table's name, or its number as text when it has none. */
    public String tableName(TableId id) {
        throw new UnsupportedOperationException("stub");
    }

    /** The protocol number for a name or a number; -1 when unknown. */
    public int protocol(String word) {
        throw new UnsupportedOperationException("stub");
    }

    /** The protocol's name, or its number as text. */
    public String protocolName(int number) {
        throw new UnsupportedOperationException("stub");
    }
}
