package io.routesync.apply;

import io.routesync.lookup.Answer;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.model.Family;
import io.routesync.transport.RouteGetScript;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Expectations answered by the kernel itself ({@code ip route get} on the target, every flow in one
 * round trip, with the route each matched and whether its input interface forwards), not by the simulation: after an apply's batch verified ({@link AfterVerify}),
 * and for {@code routesync test} on a live host. Expectations that only say {@code unchanged} have
 * nothing to compare the kernel's answer with: they are not asked.
 */
public final class KernelExpectations implements AfterVerify {
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

    /**
     * Each expectation with what the kernel answered, in order; one that only says "unchanged" is UNKNOWN.
     * With via/dev the kernel is also asked which route the flow matched ({@code ip route get fibmatch}):
     * on a route of several paths its flow hash picks one, and any of them is as expected. A forwarded
     * flow ({@code iif}) on an interface that does not forward fails whatever the lookup says.
     */
    public List<ExpectationCheck.Result> results() throws TransportException {
        List<List<String>> queries = flows();
        return results(queries.isEmpty() ? List.of() : RouteGetScript.ask(target, paths, queries, timeout));
    }

    /**
     * What the kernel is asked, in order: for each expectation that has an outcome, its flow, then with
     * via/dev the route it matched ({@code fibmatch}), then with iif whether that interface forwards.
     */
    @Override
    public List<List<String>> flows() {
        List<List<String>> queries = new ArrayList<>();
        for (Expectation e : expectations) {
            if (!e.hasOutcome()) continue;
            queries.add(e.flow().routeGetArgs());
            if (e.via() != null || e.dev() != null) queries.add(fibmatch(e));
            if (e.flow().iif() != null) queries.add(forwarding(e));
        }
        return queries;
    }

    /** {@link #results()} from the kernel's {@code answers} to {@link #flows()}, in their order. */
    private List<ExpectationCheck.Result> results(List<RouteGetScript.Answer> answers) {
        List<ExpectationCheck.Result> out = new ArrayList<>();
        int next = 0;
        for (Expectation e : expectations) {
            if (!e.hasOutcome()) {
                out.add(new ExpectationCheck.Result(e, ExpectationCheck.Status.UNKNOWN, null,
                        "'unchanged' compares the live host with a plan: routesync plan checks it"));
                continue;
            }
            RouteGetScript.Answer raw = answers.get(next++);
            RouteGetScript.Answer route = e.via() != null || e.dev() != null ? answers.get(next++) : null;
            RouteGetScript.Answer netconf = e.flow().iif() != null ? answers.get(next++) : null;
            Answer a = Answer.parse(raw.output(), raw.exitCode());
            if (netconf != null && netconf.exitCode() == 0 && netconf.output().contains(" forwarding off")) {
                String family = e.flow().to().family() == Family.INET ? "IPv4" : "IPv6";
                out.add(new ExpectationCheck.Result(e, ExpectationCheck.Status.FAIL, a, "forwarding is off on " + target.name() + " for "
                        + family + " (iif " + e.flow().iif().name() + "): the kernel will not forward this flow"));
            } else if (a == null) {
                String said = raw.output().strip().lines().findFirst().orElse("(nothing)");
                out.add(new ExpectationCheck.Result(e, ExpectationCheck.Status.FAIL, null, "the kernel's answer cannot be read: " + said));
            } else {
                if (route != null && route.exitCode() == 0) a = a.withRoutePaths(Answer.routePaths(route.output()));
                out.add(ExpectationCheck.check(e, a, "the kernel (ip route get)"));
            }
        }
        return out;
    }

    /** The route the kernel matched for the flow, with every path: {@code ip route get fibmatch ...}. */
    private static List<String> fibmatch(Expectation e) {
        List<String> q = new ArrayList<>(List.of("fibmatch"));
        q.addAll(e.flow().routeGetArgs());
        return q;
    }

    /** Whether the flow's input interface forwards its family: {@code ip -4|-6 netconf show dev IIF} (routeget.sh). */
    private static List<String> forwarding(Expectation e) {
        return List.of("netconf", e.flow().to().family().flag(), "dev", e.flow().iif().name());
    }

    /** After a verified batch: what the kernel answered, and which flows it does not route as expected (null failure: none). */
    @Override
    public Found check() throws TransportException {
        return found(results());
    }

    /** {@link #check()} with the answers asked in the apply's own session (null: ask now). */
    @Override
    public Found check(List<RouteGetScript.Answer> answers) throws TransportException {
        return answers == null ? check() : found(results(answers));
    }

    private static Found found(List<ExpectationCheck.Result> results) {
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
