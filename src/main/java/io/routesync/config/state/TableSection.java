package io.routesync.config.state;

import io.routesync.config.yaml.YamlNode;
import io.routesync.model.InvalidValueException;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a state file's {@code tables:} (name: id). Every table listed is owned: routesync deletes the
 * routes in it that are not desired, so the kernel's own tables cannot be listed here.
 */
final class TableSection {
    /** The highest id iproute2 can read a name for (rt_tables ids are parsed as signed 32-bit). */
    static final long MAX_NAMED_ID = 0x7fff_ffffL;

    private static final Set<String> KERNEL_NAMES = Set.of("local", "main", "default");
    // words 'ip route list table ...' reads itself, so a table with such a name could never be listed
    private static final Set<String> RESERVED_NAMES = Set.of("all", "cache");

    private final NodeReader reader;

    TableSection(NodeReader reader) {
        this.reader = reader;
    }

    List<Placed<TableName>> read(YamlNode node) {
        List<Placed<TableName>> out = new ArrayList<>();
        if (NodeReader.isEmpty(node)) return out;
        YamlNode.Mapping m = reader.mapping(node, "tables", "name: id",
                "one line 'NAME: ID' per table under 'tables:', e.g. uplink2: 102");
        if (m == null) return out;
        for (YamlNode.Field f : m.fields()) {
            TableName t = readOne(f);
            if (t != null) out.add(new Placed<>(t, f.keyPos()));
        }
        return out;
    }

    private TableName readOne(YamlNode.Field f) {
        String name = f.key();
        if (KERNEL_NAMES.contains(name)) {
            reader.error(f.keyPos(), "'" + name + "' is one of the kernel's own tables; routesync cannot own it",
                    "remove it from 'tables:'; routes for it go under 'routes: " + name + ":', where they are only added or replaced");
            return null;
        }
        if (RESERVED_NAMES.contains(name)) {
            reader.error(f.keyPos(), "'" + name + "' cannot name a table: 'ip route list table " + name + "' means something else",
                    "choose another name");
            return null;
        }
        try {
            TableName.checkName(name);
        } catch (InvalidValueException e) {
            reader.error(f.keyPos(), e.getMessage(), e.expected());
            return null;
        }
        Token value = reader.word(f);
        if (value == null) return null;
        TableId id = id(value);
        return id == null ? null : new TableName(name, id);
    }

    private TableId id(Token value) {
        String text = value.text();
        String range = "a table id from 1 to " + MAX_NAMED_ID + ", other than 253-255";
        if (!DecimalWord.isDigits(text)) {
            reader.error(value.pos(), "table id '" + text + "' is not a number" + (text.chars().allMatch(Character::isDigit) ? " in digits 0-9" : ""), range);
            return null;
        }
        if (DecimalWord.leadingZero(text) != null) {
            reader.error(value.pos(), "table id '" + text + "' " + DecimalWord.leadingZero(text), range + ", written without leading zeros");
            return null;
        }
        long id = DecimalWord.value(text);
        if (id == 0) {
            reader.error(value.pos(), "table id 0 means 'unspecified' to the kernel (a rule with it gets a new, empty table)", range);
            return null;
        }
        if (id > MAX_NAMED_ID) {
            reader.error(value.pos(), "table id " + text + " cannot be named: iproute2 only reads names for ids up to " + MAX_NAMED_ID,
                    range + "; a larger table can still be used by its number under 'routes:' and in rules");
            return null;
        }
        TableId table = TableId.of(id);
        if (table.isKernelTable()) {
            String kernelName = table.equals(TableId.MAIN) ? "main" : table.equals(TableId.LOCAL) ? "local" : "default";
            reader.error(value.pos(), "table id " + id + " is the kernel's '" + kernelName + "' table; routesync cannot own it",
                    range + "; routes for it go under 'routes: " + kernelName + ":', where they are only added or replaced");
            return null;
        }
        return table;
    }
}
