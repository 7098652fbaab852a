package io.routesync.model;

/** What a change does to an entry, with the symbol the human plan shows for it. */
public enum Action {
    ADD('+', "add"),
    REPLACE('~', "replace"),
    DELETE('-', "delete");

    private final char symbol;
    private final String word;

    Action(char symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    public char symbol() {
        return symbol;
    }

    /** The word used in JSON output and in iproute2 commands ({@code add}, {@code replace}, {@code del} for delete). */
    public String word() {
        return word;
    }
}
