package io.routesync.formats.export;

import java.util.List;

/**
 * An entry of the state that a format cannot express, and every reason why: {@code entry} is the
 * entry as an {@code ip} command ({@code ip rule pref 900 ... suppress_prefixlength 0}).
 */
public record Refusal(String entry, List<String> reasons) {
    public Refusal {
        reasons = List.copyOf(reasons);
    }

    /** {@code ENTRY: REASON; REASON}. */
    public String format() {
        return entry + ": " + String.join("; ", reasons);
    }
}
