package io.routesync.apply;

import io.routesync.lookup.Answer;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.transport.RouteGetScript;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Expectations answered by the kernel itself ({@code ip route get} on the target, every flow in one
 * round trip), not by the simulation: after an apply's batch verified ({@link Reconciler.AfterVerify}),
 * and for {@code routesync test} on a live host. Expectations that only say {@code unchanged} have
 * nothing to compare the kernel's answer with: they are not asked.
 */
public final class KernelExpectations implements Reconciler.AfterVerify {
    private final Target target;
    private final TargetPaths paths;
    private final List<Expectation> expectations;
    private final Duration timeout;

    public KernelExpectations(Target target, TargetPaths paths, List<Expectation> expectations, Duration timeout) {
        this.target = target;
        this.paths = paths;
        this.expectations = List.copyOf(expectations);
        this.timeout = timeout;
    }

    /** Each expectation with what the kernel answered, in order; one that only says "unchanged" is UNKNOWN. */
    public List<ExpectationCheck.Result> results() throws TransportException {
        List<ExpectationCheck.Result> out = new ArrayList<>();
        List<Expectation> asked = expectations.stream().filter(Expectation::hasOutcome).toList();
        if (asked.isEmpty() && expectations.isEmpty()) return out;
        List<RouteGetScript.Answer> answers = asked.isEmpty() ? List.of()
                : RouteGetScript.ask(target, paths, asked.stream().map(e -> e.flow().routeGetArgs()).toList(), timeout);
        int next = 0;
        for (Expectation e : expectations) {
            if (!e.hasOutcome()) {
                out.add(new ExpectationCheck.Result(e, ExpectationCheck.Status.UNKNOWN, null,
                        "'unchanged' compares the live host with a plan: routesync plan checks it"));
                continue;
            }
            RouteGetScript.Answer raw = answers.get(next++);
            Answer a = Answer.parse(raw.output(), raw.exitCode());
            if (a == null) {
                String said = raw.output().strip().lines().findFirst().orElse("(nothing)");
                out.add(new ExpectationCheck.Result(e, ExpectationCheck.Status.FAIL, null, "the kernel's answer cannot be read: " + said));
            } else {
                out.add(ExpectationCheck.check(e, a, "the kernel (ip route get)"));
            }
        }
        return out;
    }

    /** After a verified batch: what the kernel answered, and which flows it does not route as expected (null failure: none). */
    @Override
    public Found check() throws TransportException {
        List<ExpectationCheck.Result> results = results();
        List<String> failed = new ArrayList<>();
        for (ExpectationCheck.Result r : results) {
            Expectation e = r.expectation();
            if (r.failed()) failed.add(e.place() + ": " + e.flow() + ": expected " + e.wanted() + ", but " + r.detail());
        }
        if (failed.isEmpty()) return new Found(results, null);
        return new Found(results, "after the batch the entries were as desired, but " + failed.size()
                + (failed.size() == 1 ? " expectation was" : " expectations were") + " not met on the host:\n  " + String.join("\n  ", failed));
    }
}
