package io.routesync.iproute2;

import io.routesync.model.InvalidValueException;
import io.routesync.model.TableId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The name tables iproute2 uses when reading and printing: routing tables ({@code rt_tables}),
 * protocols ({@code rt_protos}), scopes, dsfield, realms, interface groups and IP protocols, each with
 * iproute2's built-ins. Immutable; {@code with...} returns a copy.
 */
public final class Names {
    private static final Names BUILTIN = new Names(builtinTables(), builtinTableNames(), BuiltinNames.PROTOCOLS);

    /** name -> id; ids are longs because rt_tables may bind names to 0 ("unspec") and to 32-bit ids. */
    private final Map<String, Long> tableIds;
    private final Map<Long, String> tableNames;
    private final NameTable protocols;

    private Names(Map<String, Long> tableIds, Map<Long, String> tableNames, NameTable protocols) {
        this.tableIds = tableIds;
        this.tableNames = tableNames;
        this.protocols = protocols;
    }

    private static Map<String, Long> builtinTables() {
        Map<String, Long> m = new HashMap<>();
        m.put("default", 253L);
        m.put("main", 254L);
        m.put("local", 255L);
        return m;
    }

    private static Map<Long, String> builtinTableNames() {
        Map<Long, String> m = new HashMap<>();
        m.put(253L, "default");
        m.put(254L, "main");
        m.put(255L, "local");
        return m;
    }

    /** iproute2's built-in names only (local/main/default, kernel/boot/static/..., host/link/global, tcp/udp/...). */
    public static Names builtin() {
        return BUILTIN;
    }

    /** A copy that also knows {@code name} as table {@code id}. */
    public Names withTable(String name, TableId id) {
        return withTables(Map.of(name, id));
    }

    /** A copy that also knows these table names (first binding of a name or an id wins, as in iproute2). */
    public Names withTables(Map<String, TableId> tables) {
        Map<String, Long> ids = new HashMap<>(tableIds);
        Map<Long, String> names = new HashMap<>(tableNames);
        tables.forEach((name, id) -> bindTable(ids, names, name, id.id()));
        return new Names(ids, names, protocols);
    }

    /**
     * A copy that also knows the names of {@code rt_tables} / {@code rt_tables.d/*.conf} entries, in
     * file order. Like iproute2, ids of 2^31 and more are not bound (iproute2 reads ids as signed ints).
     */
    public Names withTableEntries(List<RtTablesParser.Entry> entries) {
        Map<String, Long> ids = new HashMap<>(tableIds);
        Map<Long, String> names = new HashMap<>(tableNames);
        for (RtTablesParser.Entry e : entries) {
            if (e.id() < 0x8000_0000L) bindTable(ids, names, e.name(), e.id());
        }
        return new Names(ids, names, protocols);
    }

    private static void bindTable(Map<String, Long> ids, Map<Long, String> names, String name, long id) {
        ids.putIfAbsent(name, id);
        names.putIfAbsent(id, name);
    }

    /** A copy that also knows {@code name} as route/rule protocol {@code number}. */
    public Names withProtocol(String name, int number) {
        return new Names(tableIds, tableNames, protocols.with(name, number));
    }

    /** A copy that also knows the names of {@code rt_protos} / {@code rt_protos.d/*.conf} entries (ids above 255 are skipped, as iproute2 does). */
    public Names withProtocolEntries(List<RtTablesParser.Entry> entries) {
        NameTable p = protocols;
        for (RtTablesParser.Entry e : entries) {
            if (e.id() <= 255) p = p.with(e.name(), (int) e.id());
        }
        return new Names(tableIds, tableNames, p);
    }

    /**
     * The table for a name or a number (decimal or 0x hex); null when unknown. Zero (or a name bound to
     * zero, such as {@code unspec}) and numbers above 2^32-1 are refused by {@link TableId}.
     */
    public TableId table(String word) {
        if (word.isEmpty()) return null;
        char c = word.charAt(0);
        if (c >= '0' && c <= '9') {
            long n = Numbers.parse(word, Long.MAX_VALUE >> 4);
            if (n < 0) return null;
            return TableId.of(n);
        }
        Long id = tableIds.get(word);
        return id == null ? null : TableId.of(id);
    }

    /** The table's name, or its number as text when it has none. */
    public String tableName(TableId id) {
        String name = tableNames.get(id.id());
        return name != null ? name : Long.toString(id.id());
    }

    /** True when {@code word} is a table name this instance knows (not a number). */
    public boolean isTableName(String word) {
        return tableIds.containsKey(word);
    }

    /** The protocol number for a name or a number; -1 when unknown. */
    public int protocol(String word) {
        return lookup(protocols, word);
    }

    /** The protocol's name, or its number as text. */
    public String protocolName(int number) {
        return nameOr(protocols, number);
    }

    /** A route scope for a name ({@code global}, {@code link}, {@code host}, ...) or a number 0-255; -1 when unknown. */
    public int scope(String word) {
        return lookup(BuiltinNames.SCOPES, word);
    }

    public String scopeName(int number) {
        return nameOr(BuiltinNames.SCOPES, number);
    }

    /**
     * A tos/dsfield value for a class name ({@code AF11}, {@code EF}) or a hex number, with or without
     * {@code 0x}: iproute2 reads these in base 16 ({@code tos 10} is 0x10). -1 when invalid.
     */
    public int dsfield(String word) {
        int n = BuiltinNames.DSFIELD.number(word);
        if (n >= 0) return n;
        return (int) Numbers.parseHexWord(word, 255);
    }

    /** A realm for a name or a number 0-65535; -1 when invalid. */
    public int realm(String word) {
        int n = BuiltinNames.REALMS.number(word);
        if (n >= 0) return n;
        return (int) Numbers.parse(word, 0xffff);
    }

    /**
     * An interface group for {@code suppress_ifgroup}: {@code default} (0) or a non-negative number;
     * -1 when invalid.
     */
    public int group(String word) {
        if (word.equals("default")) return 0;
        return (int) Numbers.parse(word, Integer.MAX_VALUE);
    }

    /**
     * An IP protocol for {@code ipproto}: a name from /etc/protocols, a decimal number, or iproute2's
     * output form {@code ipproto-N}; -1 when unknown. Zero means "no selector" and is refused.
     */
    public int ipProto(String word) {
        int n = BuiltinNames.IP_PROTOCOLS.number(word);
        if (n < 0) {
            String digits = word.startsWith("ipproto-") ? word.substring(8) : word;
            n = (int) Numbers.parseDecimal(digits, 0, digits.length(), 255);
        }
        return n > 0 ? n : -1;
    }

    /** The IP protocol's name, or {@code ipproto-N} as iproute2 prints unnamed ones. */
    public String ipProtoName(int number) {
        String name = BuiltinNames.IP_PROTOCOLS.name(number);
        return name != null ? name : "ipproto-" + number;
    }

    private static int lookup(NameTable table, String word) {
        int n = table.number(word);
        if (n >= 0) return n;
        return (int) Numbers.parse(word, 255);
    }

    private static String nameOr(NameTable table, int number) {
        String name = table.name(number);
        return name != null ? name : Integer.toString(number);
    }

    /** Builds the InvalidValueException for a table word that is neither a known name nor a valid number. */
    static InvalidValueException unknownTable(String word) {
        return new InvalidValueException("table '" + word + "' is unknown",
                "declare it under tables: (name: id), or use a table number from 1 to 4294967295");
    }
}
