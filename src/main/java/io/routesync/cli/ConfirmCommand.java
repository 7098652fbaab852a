package io.routesync.cli;

import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.Target;
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
                ConfirmTimer.Status s = timer.status();
                switch (s.state()) {
                    case ARMED:
                        out.println(t.name() + ": a change" + armedAt(s) + " awaits confirmation; the host rolls it back at "
                                + java.time.Instant.ofEpochSecond(s.deadline()) + " unless confirmed. Every other apply is refused"
                                + " until then: 'routesync confirm' keeps the change, 'routesync rollback' undoes it now.");
                        break;
                    case STALE:
                        out.println(t.name() + ": STALE: a change" + armedAt(s) + " was left awaiting confirmation, but "
                                + ConfirmTimer.staleReason(s.why()) + ", so nothing will roll it back by itself (it was due at "
                                + java.time.Instant.ofEpochSecond(s.deadline()) + "). It blocks no apply; the next apply sets it"
                                + " aside. To clear it now: 'routesync confirm' discards its staged undo and leaves the host as it"
                                + " is; 'routesync rollback' runs that undo by hand (only if the host still carries that change).");
                        break;
                    case FIRING:
                        out.println(t.name() + ": the host is rolling a change back right now.");
                        break;
                    default:
                        out.println(t.name() + ": nothing awaits confirmation (last: " + ConfirmTimer.describe(s.last()) + ").");
                }
                return ExitCodes.OK;
            }
            ConfirmTimer.Result r = timer.confirm("");
            if (r.done() && r.last() != null && r.last().startsWith("discarded ")) {
                out.println("Discarded: the change on " + t.name() + " was stale (" + ConfirmTimer.describe(r.last())
                        + "); the host stays as it is.");
                return ExitCodes.OK;
            }
            if (r.done()) {
                out.println("Confirmed: the change on " + t.name() + " stays; its rollback timer is disarmed.");
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println("error: nothing on " + t.name() + " awaits confirmation (last: "
                    + ConfirmTimer.describe(r.last()) + ").");
            return ExitCodes.FAILED;
        } catch (Exception e) {
            throw Failures.of(e);
        }
    }

    private static String armedAt(ConfirmTimer.Status s) {
        return s.armedAt() == 0 ? "" : " (armed at " + java.time.Instant.ofEpochSecond(s.armedAt()) + ")";
    }
}
