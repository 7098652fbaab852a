package io.routesync.render;

import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.lookup.ExpectationRun;
import io.routesync.run.ExpectationTests;
import java.util.List;

/**
 * Expectations in words: a failed one as an error with its place (validate, plan), one line per flow
 * ({@code routesync test}), and the flows a plan moves.
 */
public final class ExpectationView {
    private ExpectationView() {
    }

    /** {@code FILE:LINE:COL: error: expectation not met: ...} and a fix line, as a diagnostic prints. */
    public static String failure(ExpectationCheck.Result r, String when) {
        Expectation e = r.expectation();
        return e.place() + ": error: expectation not met " + when + ": " + e.flow() + ": expected " + e.wanted() + ", but "
                + r.detail() + "\n  fix: change the rules or routes so the flow goes as expected, or the expectation if the new way is intended\n";
    }

    /** The failures of {@code results} and the count line; empty when none failed. */
    public static String failures(List<ExpectationCheck.Result> results, String when) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (ExpectationCheck.Result r : results) {
            if (!r.failed()) continue;
            out.append(failure(r, when));
            n++;
        }
        if (n > 0) out.append(n == 1 ? "1 error; nothing was changed.\n" : n + " errors; nothing was changed.\n");
        return out.toString();
    }

    /** validate's line about the expectations, or empty when there are none. */
    public static String summary(List<ExpectationCheck.Result> results) {
        if (results.isEmpty()) return "";
        long met = results.stream().filter(r -> r.status() == ExpectationCheck.Status.PASS).count();
        long unknown = results.stream().filter(r -> r.status() == ExpectationCheck.Status.UNKNOWN).count();
        return "Expectations: " + met + " met" + (unknown == 0 ? "" : ", " + unknown + " to check on the host (routesync test)") + ".\n";
    }

    /** One line per flow, {@code PASS}/{@code FAIL}/{@code SKIP}, with the place and what was found; then the count. */
    public static String lines(List<ExpectationCheck.Result> results, Style style) {
        StringBuilder out = new StringBuilder();
        int pass = 0;
        int fail = 0;
        int skip = 0;
        for (ExpectationCheck.Result r : results) {
            Expectation e = r.expectation();
            String head;
            switch (r.status()) {
                case PASS: head = style.green("PASS"); pass++; break;
                case FAIL: head = style.red("FAIL"); fail++; break;
                default: head = "SKIP"; skip++; break;
            }
            out.append(head).append("  ").append(e.place()).append("  ").append(e.flow()).append(" -> ").append(e.wanted());
            if (r.status() == ExpectationCheck.Status.PASS) out.append('\n');
            else out.append("\n      ").append(r.detail()).append('\n');
        }
        out.append(fail == 0 ? style.green(count(pass, fail, skip)) : style.red(count(pass, fail, skip))).append('\n');
        return out.toString();
    }

    private static String count(int pass, int fail, int skip) {
        return "Expectations: " + pass + " passed, " + fail + " failed" + (skip == 0 ? "" : ", " + skip + " skipped") + ".";
    }

    /** The flows the plan sends another way (each with its verdict), or empty when it moves none. */
    public static String moved(List<ExpectationRun.Compared> compared) {
        StringBuilder out = new StringBuilder();
        for (ExpectationRun.Compared c : compared) {
            if (!c.changed()) continue;
            Expectation e = c.expectation();
            out.append("  ~ ").append(e.flow()).append(" (").append(e.place()).append(")\n")
                    .append("      live:    ").append(c.live().text()).append('\n')
                    .append("      desired: ").append(c.desired().answer().text())
                    .append(c.desired().failed() ? "  NOT AS EXPECTED (" + e.wanted() + ")" : "  as expected").append('\n');
        }
        return out.length() == 0 ? "" : "\nExpectations this plan changes:\n" + out;
    }

    /** {@code routesync test -i}: each host's lines under its name, or why it could not be asked; then one line per host. */
    public static String fleet(List<ExpectationTests.HostTest> hosts, Style style) {
        StringBuilder out = new StringBuilder();
        int passed = 0;
        for (ExpectationTests.HostTest h : hosts) {
            out.append(style.bold(h.name())).append('\n');
            if (h.failure() != null) {
                out.append(style.red("error: ")).append(h.name()).append(h.failure().unreachable() ? " is unreachable: " : " failed: ")
                        .append(h.failure().detail()).append('\n');
            } else {
                out.append(lines(h.results(), style));
            }
            out.append('\n');
            if (h.passed()) passed++;
        }
        String total = "Hosts: " + passed + " of " + hosts.size() + " passed.";
        return out.append(passed == hosts.size() ? style.green(total) : style.red(total)).append('\n').toString();
    }
}
