package io.routesync.apply;

import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.lookup.ExpectationRun;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.plan.PlanConflictException;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code routesync test} on a live host: the kernel answers every flow's outcome ({@link
 * KernelExpectations}); an {@code unchanged} flow passes when the desired state would send it the way
 * the host does now (the host read and planned as plan does: after a converged apply, trivially).
 */
public final class LiveExpectations {
    private LiveExpectations() {
    }

    public static List<ExpectationCheck.Result> test(Reconciler reconciler, LoadedState loaded, Ownership ownership)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        List<Expectation> all = loaded.expectations();
        List<ExpectationCheck.Result> kernel = new KernelExpectations(reconciler.target(), reconciler.paths(), all,
                reconciler.settings().timeout()).results();
        if (all.stream().noneMatch(Expectation::unchanged)) return kernel;
        HostReader.Wide both = PlannedExpectations.observe(reconciler, loaded.state());
        HostPlan plan = reconciler.plan(loaded.state(), both.reading(), ownership);
        List<ExpectationRun.Compared> compared = PlannedExpectations.compare(reconciler.target().name(), both.wide(), plan, all,
                loaded.names());
        List<ExpectationCheck.Result> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ExpectationCheck.Result k = kernel.get(i);
            boolean kernelOk = k.status() != ExpectationCheck.Status.FAIL;
            // the kernel's answer decides what it can; "unchanged" is the comparison with the plan
            out.add(all.get(i).unchanged() && kernelOk ? compared.get(i).desired() : k);
        }
        return out;
    }
}
