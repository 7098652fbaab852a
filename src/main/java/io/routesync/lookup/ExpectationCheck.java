package io.routesync.lookup;

import io.routesync.model.NextHop;
import java.util.Objects;

/**
 * Whether an {@link Answer} is what an {@link Expectation} asks for: every outcome field given must
 * match. Pure, and the same for the simulation and the kernel's answer.
 */
public final class ExpectationCheck {
    private ExpectationCheck() {
    }

    /** How one expectation fared. */
    public enum Status { PASS, FAIL, UNKNOWN }

    /**
     * The outcome of checking {@code e} against {@code answer}: {@code detail} says what was found (and,
     * for UNKNOWN, why it cannot be told).
     */
    public record Result(Expectation expectation, Status status, Answer answer, String detail) {
        public boolean failed() {
            return status == Status.FAIL;
        }
    }

    /** Checks the outcome fields of {@code e} (not {@code unchanged}, which needs two answers) against the simulation. */
    public static Result check(Expectation e, Answer a) {
        return check(e, a, "the lookup");
    }

    /** The same, for an answer from {@code source} ("the lookup", "the kernel"), as messages name it. */
    public static Result check(Expectation e, Answer a, String source) {
        String got = a.text();
        String gives = source + " gives ";
        if (e.type() != null && !e.type().equals(a.type())) return fail(e, a, gives + describe(a));
        boolean delivers = !Expectation.TYPES.subList(4, 7).contains(a.type());
        if ((e.via() != null || e.dev() != null || e.table() != null) && !delivers) return fail(e, a, gives + describe(a));
        if (e.via() != null || e.dev() != null) {
            if (a.multipath()) return multipath(e, a, gives);
            if (e.via() != null && !Objects.equals(e.via(), a.via())) return fail(e, a, gives + describe(a));
            if (e.dev() != null && a.dev() == null) {
                return new Result(e, Status.UNKNOWN, a, "the route (" + got + ") leaves the device to the kernel");
            }
            if (e.dev() != null && !e.dev().equals(a.dev())) return fail(e, a, gives + describe(a));
        }
        if (e.table() != null && !e.table().equals(a.table())) return fail(e, a, gives + describe(a));
        return new Result(e, Status.PASS, a, describe(a));
    }

    /**
     * A route of several paths: the kernel's flow hash picks one, so via/dev pass when they name one of
     * the route's paths (the one the kernel picked for this flow, if it answered, need not be it).
     */
    private static Result multipath(Expectation e, Answer a, String gives) {
        boolean unknownDev = false;
        for (NextHop h : a.paths()) {
            if (e.via() != null && !e.via().equals(h.via())) continue;
            if (e.dev() == null || e.dev().equals(h.dev())) {
                if (e.table() != null && !e.table().equals(a.table())) return fail(e, a, gives + describe(a));
                return new Result(e, Status.PASS, a, describe(a));
            }
            unknownDev |= h.dev() == null;
        }
        if (unknownDev) return new Result(e, Status.UNKNOWN, a, "the route (" + a.text() + ") leaves the device to the kernel");
        return fail(e, a, gives + describe(a) + ": none of its paths is " + wantedPath(e));
    }

    private static String wantedPath(Expectation e) {
        return (e.via() == null ? "" : "via " + e.via()) + (e.via() != null && e.dev() != null ? " " : "") + (e.dev() == null ? "" : "dev " + e.dev());
    }

    /**
     * The {@code unchanged} part: the desired state sends the flow the way the live host does. Delivery
     * type, gateway, device and table are compared.
     */
    public static Result unchanged(Expectation e, Answer live, Answer desired) {
        if (same(live, desired)) return new Result(e, Status.PASS, desired, describe(desired));
        return fail(e, desired, "it would change from " + describe(live) + " to " + describe(desired));
    }

    /** Whether two answers send the flow the same way: type, gateway, device and table. */
    public static boolean same(Answer a, Answer b) {
        return a.type().equals(b.type()) && Objects.equals(a.via(), b.via()) && Objects.equals(a.dev(), b.dev())
                && Objects.equals(a.table(), b.table()) && a.paths().equals(b.paths());
    }

    private static Result fail(Expectation e, Answer a, String detail) {
        return new Result(e, Status.FAIL, a, detail);
    }

    /** The answer in words, as its source gave it. */
    static String describe(Answer a) {
        return a.text();
    }
}
