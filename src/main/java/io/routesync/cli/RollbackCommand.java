package io.routesync.cli;

import io.routesync.render.RollbackView;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code routesync rollback}: undoes, now, the change an {@code apply --confirm} left waiting on the
 * host, with the undo staged there before the change ran; the same thing the host's timer would do
 * at the deadline. From the console of a host that a change cut off, it works without the network.
 */
@Command(name = "rollback", sortOptions = false,
        description = {"Undo now the change an 'apply --confirm' left waiting on the host, as its timer would at the deadline."})
final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Target t = target.target();
        TargetPaths paths = target.paths();
        ConfirmTimer.Result r;
        try {
            r = new ConfirmTimer(t, paths, target.lockWait(), target.runTimeout()).rollbackNow();
        } catch (Exception e) {
            throw Failures.of(e);
        }
        if (!r.done()) {
            err.println("error: nothing on " + t.name() + " awaits confirmation, so there is nothing to roll back (last: "
                    + ConfirmTimer.describe(r.last()) + ").");
            return ExitCodes.FAILED;
        }
        if (!r.detail().isEmpty()) err.println("note: some undo lines found their entry already restored:\n" + r.detail());
        out.println(RollbackView.rolledBack(t.name(), ConfirmTimer.describe(r.last())));
        if (!r.last().contains(" exact")) {
            err.println("warning: compare " + paths.stateDir() + "/confirm/reading-before and reading-after to see what differs.");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
