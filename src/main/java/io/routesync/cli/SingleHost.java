package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.run.RefusedException;
import io.routesync.run.RunResult;
import io.routesync.transport.EarlyRead;
import io.routesync.transport.EarlySession;
import io.routesync.transport.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * A single-target run ({@code -f}, on this host or {@code --netns}) as a run of one job, and its end:
 * the host's failure reported as a single-host command always has (its own exit code: 69
 * unreachable, 75 lock held, ...), not as a fleet's recap line.
 */
final class SingleHost {
    private SingleHost() {
    }

    /** Loads the desired state (its warnings printed) and makes the target's job. */
    static HostJob job(StateOptions state, TargetOptions target, PrintWriter err) throws InvalidInputException, UserError {
        return new HostJob(spec(state, target, err), target.target(), target.settings(), Clock.systemUTC());
    }

    /**
     * {@link #job} for a plan: the target starts reading itself before the state is loaded, on the second
     * core ({@link EarlyRead}; a local target whose footprint names a table), with the wide part when the
     * state may have expectations, and digested only when the plan is {@code saved} (nothing else compares a
     * plan's reading). A state that does not load stops that read, and its error is reported as before; so
     * are a wrong target or paths, after the load.
     */
    static HostJob planJob(StateOptions state, TargetOptions target, PrintWriter err, boolean saved)
            throws InvalidInputException, UserError {
        EarlyRead.prepare();
        return loadedWhile(state, target, err, wide -> target.readingEarly(wide, saved));
    }

    /**
     * {@link #job} for an apply in one session ({@code apply --auto-approve} without --confirm): the target's
     * session starts before the state is loaded, on the second core ({@link EarlySession}; a local target whose
     * footprint names a table), with the wide part when the state may have expectations. A state that does
     * not load ends that session unanswered (nothing changed), and its error is reported as before.
     */
    static HostJob sessionJob(StateOptions state, TargetOptions target, PrintWriter err) throws InvalidInputException, UserError {
        return loadedWhile(state, target, err, target::sessionEarly);
    }

    /**
     * The job, its state loaded while the target's run that {@code early} starts (given whether to read wide;
     * null: none) goes on. The files are read first (no early run for files that cannot be read): what they
     * say tells the early run whether to read wide. A state that does not load stops that run.
     */
    private static HostJob loadedWhile(StateOptions state, TargetOptions target, PrintWriter err, Function<Boolean, Target> early)
            throws InvalidInputException, UserError {
        List<SourceFile> files = state.readFiles();
        Target running = early.apply(mayExpect(files));
        try {
            HostSpec spec = spec(state, state.loadWithInputs(files), target, err);
            return new HostJob(spec, running != null ? running : target.target(), target.settings(), Clock.systemUTC());
        } catch (InvalidInputException | UserError | RuntimeException | Error e) {
            stop(running);
            throw e;
        }
    }

    /** Ends an early run nobody took (the apply stopped before its session), so it holds the lock no longer. */
    static void release(HostJob job) {
        stop(job.target());
    }

    private static void stop(Target running) {
        if (running instanceof EarlyRead read) read.cancel();
        if (running instanceof EarlySession session) session.cancel();
    }

    /**
     * Whether the state files may have expectations: a line that starts with {@code expect}, as a block
     * mapping's top-level key does. Only a guess of what the load will say (a wrong one costs time, not
     * correctness: a wide part nobody uses, or a second read), made before the load and far cheaper.
     */
    static boolean mayExpect(List<SourceFile> files) {
        for (SourceFile f : files) {
            if (f.content().startsWith("expect") || f.content().contains("\nexpect")) return true;
        }
        return false;
    }

    /** Loads the desired state (its warnings printed) as the target's spec. */
    static HostSpec spec(StateOptions state, TargetOptions target, PrintWriter err) throws InvalidInputException, UserError {
        return spec(state, state.loadWithInputs(), target, err);
    }

    private static HostSpec spec(StateOptions state, StateOptions.Loaded loaded, TargetOptions target, PrintWriter err)
            throws UserError {
        for (Diagnostic w : loaded.state().warnings()) err.println(w.format());
        return HostSpec.of(target.target().name(), null, target.paths(), loaded.state(), state.protocolTag(), loaded.files(),
                loaded.variables(), null, Version.number());
    }

    /** The job that applies the desired state the last apply kept on the target ({@code apply --last}, {@code watch}). */
    static HostJob lastJob(StateOptions state, TargetOptions target) throws InvalidInputException, UserError {
        return new HostJob(lastSpec(state, target), target.target(), target.settings(), Clock.systemUTC());
    }

    static HostSpec lastSpec(StateOptions state, TargetOptions target) throws InvalidInputException, UserError {
        return LastApplied.spec(target.target().name(), target.paths(), state.protocolTag(), Version.number());
    }

    /** A target found converged keeps its desired state for the next boot, if it has none or another ({@link LastApplied}). */
    static void keepConverged(HostSpec spec) {
        try {
            LastApplied.keepConverged(spec.paths(), spec.loaded(), spec.ownership().protocolTag());
        } catch (IOException e) {
            // the run succeeded; the next apply with changes keeps the state through its script
        }
    }

    /** The one host's result; its failure is thrown as the error it was. */
    static HostRun result(RunResult result) throws UserError {
        HostRun run = result.hosts().get(0);
        if (run.failure() == null) return run;
        Throwable cause = run.failure().cause();
        if (cause instanceof Error) throw (Error) cause;
        if (cause instanceof RefusedException) throw new UserError(ExitCodes.FAILED, cause.getMessage(), cause);
        throw Failures.of((Exception) cause);
    }
}
