package io.routesync.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A staged rollout ({@code apply --serial 1,10%,100% --max-fail N|P%}): the hosts to apply are cut
 * into batches in run order, each batch applied (and verified, confirmed, probed) as a whole before
 * the next starts; when more than {@code maxFail} hosts of one batch fail (or cannot be reached) the
 * rollout stops and the hosts of later batches are left untouched.
 *
 * <p>Sizes follow Ansible's {@code serial}: a number of hosts, or a percentage of the hosts to apply
 * (rounded down, at least one); the last size repeats until every host has a batch. {@code maxFail}
 * is a number of hosts or a percentage of the batch's hosts; 0 (the default) stops at the first failure.
 */
public record Rollout(List<Amount> serial, Amount maxFail) {
    /** More than this many sizes is not a rollout plan but a typo. */
    static final int MAX_SIZES = 100;

    /** A count of hosts, or a percentage (1-100) of some number of hosts. */
    public record Amount(int value, boolean percent) {
        public Amount {
            if (value < 0 || (percent && value > 100)) throw new IllegalArgumentException("amount out of range: " + value);
        }

        /** How many hosts of {@code of} this amount is: a percentage rounded down. */
        int of(int of) {
            return percent ? (int) ((long) of * value / 100) : value;
        }

        @Override
        public String toString() {
            return value + (percent ? "%" : "");
        }
    }

    public Rollout {
        serial = List.copyOf(serial);
        if (serial.isEmpty()) throw new IllegalArgumentException("a rollout needs at least one batch size");
    }

    /**
     * Reads {@code --serial} and {@code --max-fail} (null: 0). Throws IllegalArgumentException with a
     * message naming the option and the value that is wrong.
     */
    public static Rollout parse(String serial, String maxFail) {
        if (serial == null) throw new IllegalArgumentException("--max-fail needs --serial: without batches nothing can stop early");
        List<Amount> sizes = new ArrayList<>();
        String[] items = serial.split(",", -1);
        if (items.length > MAX_SIZES) throw new IllegalArgumentException("--serial has " + items.length + " sizes; at most " + MAX_SIZES);
        for (String item : items) {
            Amount a = amount("--serial", item.strip());
            if (a.value() == 0) throw new IllegalArgumentException("--serial " + serial + ": a batch of 0 hosts would never end; give 1 or more, or 1%-100%");
            sizes.add(a);
        }
        return new Rollout(sizes, maxFail == null ? new Amount(0, false) : amount("--max-fail", maxFail.strip()));
    }

    private static Amount amount(String option, String text) {
        boolean percent = text.endsWith("%");
        String digits = percent ? text.substring(0, text.length() - 1) : text;
        // digits only, at most 6 of them: no sign, no spaces, no overflow
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(option + " " + (text.isEmpty() ? "has an empty size" : text + " is not a number of hosts (N) or a percentage (P%)")
                    + (option.equals("--serial") ? "; e.g. --serial 1,10%,100%" : "; e.g. --max-fail 0 or --max-fail 10%"));
        }
        int value = Integer.parseInt(digits);
        if (percent && value > 100) throw new IllegalArgumentException(option + " " + text + ": a percentage is 0%-100%");
        return new Amount(value, percent);
    }

    /** The batches for {@code count} hosts, as lists of their positions 0..count-1 in run order. */
    public List<List<Integer>> slices(int count) {
        List<List<Integer>> batches = new ArrayList<>();
        int next = 0;
        int step = 0;
        while (next < count) {
            int size = Math.max(1, serial.get(Math.min(step, serial.size() - 1)).of(count));
            List<Integer> batch = new ArrayList<>();
            for (int i = next; i < Math.min(count, next + size); i++) batch.add(i);
            batches.add(batch);
            next += batch.size();
            step++;
        }
        return batches;
    }

    /** Whether a batch of {@code size} hosts in which {@code failed} failed stops the rollout. */
    public boolean stops(int failed, int size) {
        return failed > maxFail.of(size);
    }

    /** {@code 1,10%,100%}: the sizes as given. */
    public String serialText() {
        List<String> s = new ArrayList<>();
        for (Amount a : serial) s.add(a.toString());
        return String.join(",", s);
    }
}
