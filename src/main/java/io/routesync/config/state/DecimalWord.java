package io.routesync.config.state;

/**
 * A number written in a state file where only decimal makes sense (table ids under {@code tables:},
 * uplink priorities, table numbers under {@code routes:}): ASCII digits only, as iproute2 reads them
 * (Java's own parser would take Arabic-Indic or full-width digits), and no leading zero, which iproute2
 * reads as octal ({@code 0102} is table 66). The grammar's numbers follow the same rules (parse.Numbers).
 */
final class DecimalWord {
    private DecimalWord() {
    }

    /** True for ASCII digits only, at least one. */
    static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** For digits: null when {@code text} is a plain decimal number, else the end of "... 'text' " that says why not. */
    static String leadingZero(String text) {
        return text.length() > 1 && text.charAt(0) == '0' ? "has a leading zero, which iproute2 would read as octal" : null;
    }

    /** The value of plain digits; Long.MAX_VALUE when there are too many to matter. */
    static long value(String text) {
        return text.length() > 18 ? Long.MAX_VALUE : Long.parseLong(text);
    }
}
