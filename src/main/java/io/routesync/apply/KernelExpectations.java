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
 * nothing to compare the kernel's answer with and are left out.
 */
public final class KernelExpectations implements Reconciler.AfterVerify {
    private final Target target;
    private final TargetPaths paths;
    private final List<Expectation> expectations;
    private final Duration timeout;

    public KernelExpectations(Target target, TargetPaths paths, List<Expectation> expectations, Duration timeout) {
        this.target = target;
        this.paths = paths;
        this.expectations = expectations.stream().filter(Expectation::hasOutcome).toList();
        this.timeout = timeout;
    }

    /** Each expectation with what the kernel answered. */
    public List<ExpectationCheck.Result> results() throws TransportException {
        List<ExpectationCheck.Result> out = new ArrayList<>();
        if (expectations.isEmpty()) return out;
        List<List<String>> flows = expectations.stream().map(e -> e.flow().routeGetArgs()).toList();
        List<RouteGetScript.Answer> answers = RouteGetScript.ask(target, paths, flows, timeout);
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            RouteGetScript.Answer raw = answers.get(i);
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

    /** After a verified batch: null when the kernel routes every flow as expected, else which ones it does not. */
    @Override
    public String check() throws TransportException {
        List<String> failed = new ArrayList<>();
        for (ExpectationCheck.Result r : results()) {
            Expectation e = r.expectation();
            if (r.failed()) failed.add(e.place() + ": " + e.flow() + ": expected " + e.wanted() + ", but " + r.detail());
        }
        if (failed.isEmpty()) return null;
        return "after the batch the entries were as desired, but " + failed.size() + (failed.size() == 1 ? " expectation was" : " expectations were")
                + " not met on the host:\n  " + String.join("\n  ", failed);
    }
}
