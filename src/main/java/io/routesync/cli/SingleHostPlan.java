package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.state.LoadedState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.iproute2.HostReading;
import java.io.PrintWriter;

/**
 * The single-target start shared by {@code plan} and {@code apply} ({@code -f}, this host or
 * {@code --netns}): the desired state loaded (warnings printed), the host read, the plan made.
 */
record SingleHostPlan(LoadedState loaded, Ownership ownership, Reconciler reconciler, HostReading reading, HostPlan plan) {

    static SingleHostPlan make(StateOptions state, TargetOptions target, PrintWriter err) throws InvalidInputException, UserError {
        LoadedState loaded = state.load();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        Ownership ownership = state.ownership(loaded);
        Reconciler reconciler = Hosts.reconciler(target);
        try {
            HostReading reading = reconciler.observe(loaded.state());
            for (String w : reading.warnings()) err.println("warning: " + w);
            return new SingleHostPlan(loaded, ownership, reconciler, reading, reconciler.plan(loaded.state(), reading, ownership));
        } catch (Exception e) {
            throw Failures.of(e);
        }
    }

    /** How messages name the target: {@code this host}, {@code netns NAME}. */
    String host() {
        return reconciler.target().name();
    }
}
