package io.routesync.cli;

import io.routesync.render.ConfirmView;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routesync confirm}: keeps a change an {@code apply --confirm} left waiting on the host (its
 * timer is disarmed), or with {@code --status} shows what waits. For when routesync could not confirm
 * by itself, or the confirmation is left to a person who checked the host.
 */
@Command(name = "confirm", sortOptions = false,
        description = {"Keep the change an 'apply --confirm' left waiting on the host: disarm its rollback timer.",
            "With --status, only show whether a change awaits confirmation."})
final class ConfirmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--status", description = "Show what awaits confirmation, change nothing.")
    boolean status;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Target t = target.target();
        TargetPaths paths = target.paths();
        ConfirmTimer timer = new ConfirmTimer(t, paths, target.lockWait(), target.runTimeout());
        try {
            if (status) {
                out.println(status(t.name(), timer.status()));
                return ExitCodes.OK;
            }
            ConfirmTimer.Result r = timer.confirm("");
            if (r.done() && r.last() != null && r.last().startsWith("discarded ")) {
                out.println(ConfirmView.discarded(t.name(), ConfirmTimer.describe(r.last())));
                return ExitCodes.OK;
            }
            if (r.done()) {
                out.println(ConfirmView.confirmed(t.name()));
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println("error: nothing on " + t.name() + " awaits confirmation (last: "
                    + ConfirmTimer.describe(r.last()) + ").");
            return ExitCodes.FAILED;
        } catch (Exception e) {
            throw Failures.of(e);
        }
    }

    private static String status(String host, ConfirmTimer.Status s) {
        switch (s.state()) {
            case ARMED:
                return ConfirmView.armed(host, s.armedAt(), s.deadline());
            case STALE:
                return ConfirmView.stale(host, s.armedAt(), ConfirmTimer.staleReason(s.why()), s.deadline());
            case FIRING:
                return ConfirmView.firing(host);
            default:
                return ConfirmView.idle(host, ConfirmTimer.describe(s.last()));
        }
    }
}
