package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.iproute2.Names;
import io.routesync.model.InvalidValueException;
import io.routesync.model.TableId;

/**
 * Resolves a table written in a state file (a declared name, a number, or local/main/default) to its
 * id. Names from the host's own rt_tables are not known offline: such tables are written by number.
 */
final class TableRefs {
    private final Names names;
    private final Problems problems;

    TableRefs(Names names, Problems problems) {
        this.names = names;
        this.problems = problems;
    }

    /** The table {@code word} refers to, or null after an error at {@code pos}. */
    TableId resolve(String word, SourcePos pos) {
        if (!word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
            if (!DecimalWord.isDigits(word) || DecimalWord.leadingZero(word) != null) {
                problems.error(pos, "table '" + word + "' " + (DecimalWord.isDigits(word) ? DecimalWord.leadingZero(word) : "is not a number in digits 0-9"),
                        "a table number from 1 to 4294967295 without leading zeros, or a declared table name");
                return null;
            }
            try {
                return TableId.of(DecimalWord.value(word));
            } catch (InvalidValueException e) {
                problems.error(pos, e.getMessage(), e.expected());
                return null;
            }
        }
        TableId id = names.table(word);
        if (id == null) {
            problems.error(pos, "table '" + word + "' is not declared",
                    "declare it under 'tables:' (" + word + ": ID), or use a table number, or main");
        }
        return id;
    }
}
