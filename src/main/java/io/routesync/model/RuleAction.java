package io.routesync.model;

/** What a rule does when its selectors match ({@code FR_ACT_*}). */
public enum RuleAction {
    TABLE("lookup"),
    GOTO("goto"),
    NOP("nop"),
    BLACKHOLE("blackhole"),
    UNREACHABLE("unreachable"),
    PROHIBIT("prohibit");

    private final String word;

    RuleAction(String word) {
        this.word = word;
    }

    /** iproute2's word for the action in {@code ip rule} output and input. */
    public String word() {
        return word;
    }
}
