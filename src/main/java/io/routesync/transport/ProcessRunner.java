package io.routesync.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a local program from an argument array (never a shell string), feeding stdin and collecting
 * output, within bounds: a program (a target, or the ssh program in front of it) may print at most
 * {@link #MAX_STDOUT} on stdout and {@link #MAX_STDERR} on stderr, and the whole run, including writing
 * its input and reading its output to the end, takes at most the timeout. Past either bound the program
 * and every process it started are killed and the run fails with a {@link TransportException} naming the
 * bound, so one broken host ends as a failed host and never as an OutOfMemoryError or a hang of the run.
 *
 * <p>Each program runs in a session of its own ({@code setsid}, which execs in place: the session id is
 * the program's pid), and stopping it signals every process of that session ({@link ProcessSessions}). A
 * process that leaves the session on purpose (the confirm timer of arm.sh, an ssh ControlMaster that
 * daemonizes) is not stopped. A program has ended when it exited and no process of its session holds its
 * output any more: others may stay (the ProxyCommand an ssh ControlMaster started before it daemonized
 * stays in the session, orphaned, and must live as long as the master). Its output is read by
 * {@link OutputDrain}s, within their limits.
 */
public final class ProcessRunner {
    /**
     * What stdout may hold: a reading of 1,000,000 routes is 46-79 MB of {@code ip -N route list} text
     * (measured: 46 bytes a line for an IPv4 /32 via a gateway, 79 for an IPv6 /64 with its metric and
     * pref; multipath routes are longer), and apply prints one reading plus the errors of its batches.
     * 256 MiB leaves room for 3-5 million routes per host and keeps a fleet run's memory bounded by
     * {@code --forks} times about twice this.
     */
    public static final int MAX_STDOUT = 256 << 20;
    /** What stderr may hold: ssh's and the scripts' messages, never a reading (the scripts send ip's errors to stdout). */
    public static final int MAX_STDERR = 4 << 20;
    /** How long the output may stay open once the program has exited (a descendant holding the pipe), within the timeout. */
    private static final Duration AFTER_EXIT = Duration.ofSeconds(5);
    /** util-linux's setsid: it execs the program in place (a child of the JVM leads no process group), so the pid stays. */
    private static final String SETSID = "setsid";
    /** The sessions of programs running now: stopped when routesync itself is stopped (Ctrl-C, TERM). */
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(ProcessSessions::stop),
                "routesync-stop-programs"));
    }

    private ProcessRunner() {
    }

    /** A long-lived program started elsewhere ({@link IpMonitor}), stopped with the others when routesync is stopped. */
    static void track(long sid) {
        LIVE.add(sid);
    }

    static void untrack(long sid) {
        LIVE.remove(sid);
    }

    /** Runs a local utility: messages name it by its first word ({@code ip}, {@code sh}). */
    public static ScriptResult run(List<String> argv, byte[] stdin, Duration timeout) throws TransportException {
        return run(argv.get(0), argv, stdin, timeout);
    }

    /**
     * Runs {@code argv}; messages name it as {@code label} ("ssh to h1"): the first word of a program
     * such as {@code ip netns exec mgmt ssh} would name the wrong thing.
     */
    public static ScriptResult run(String label, List<String> argv, byte[] stdin, Duration timeout) throws TransportException {
        return run(label, argv, stdin, timeout, AFTER_EXIT);
    }

    /** As above, with how long the output may stay open after the program exited (shortened by tests). */
    static ScriptResult run(String label, List<String> argv, byte[] stdin, Duration timeout, Duration afterExitLimit)
            throws TransportException {
        return talk(label, argv, Conversation.fixed(stdin), timeout, afterExitLimit, null);
    }

    /** {@link #run(String, List, byte[], Duration)}, its output followed by {@code watcher} as it comes. */
    static ScriptResult run(String label, List<String> argv, byte[] stdin, Duration timeout, OutputWatcher watcher)
            throws TransportException {
        return talk(label, argv, Conversation.fixed(stdin), timeout, AFTER_EXIT, watcher);
    }

    /**
     * Runs {@code argv} as a conversation: once its output holds the line {@code conversation.awaited()},
     * the output up to it goes to {@link Conversation#answer}, whose bytes become the program's whole
     * input (null: none), followed by {@link Conversation#later} when it has one. The returned output is
     * what came after that line; without it (the program ended first), the whole output, unanswered. The input stays open until then, so the program must
     * print the line before it reads any input. The timeout covers the answer too. What the answer threw
     * is thrown here once the program ended.
     */
    public static ScriptResult converse(String label, List<String> argv, Conversation conversation, Duration timeout)
            throws TransportException {
        return talk(label, argv, conversation, timeout, AFTER_EXIT, null);
    }

    private static ScriptResult talk(String label, List<String> argv, Conversation conversation, Duration timeout, Duration afterExitLimit,
            OutputWatcher watcher) throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process;
        List<String> command = new ArrayList<>(argv.size() + 1);
        command.add(SETSID);
        command.addAll(argv);
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new TransportException("cannot start " + SETSID + " (util-linux) to run " + argv.get(0) + ": "
                    + e.getMessage(), true, e);
        }
        LIVE.add(process.pid());
        try {
            return collect(label, process, conversation, timeout, deadline, afterExitLimit, watcher);
        } finally {
            LIVE.remove(process.pid());
        }
    }

    private static ScriptResult collect(String label, Process process, Conversation conversation, Duration timeout, long deadline,
            Duration afterExitLimit, OutputWatcher watcher) throws TransportException {
        String program = label;
        OutputDrain out = new OutputDrain(process.getInputStream(), MAX_STDOUT, () -> kill(process), conversation.awaited(),
                process::isAlive);
        if (watcher != null) {
            out.watch();
            watcher.start(out);
        }
        OutputDrain err = new OutputDrain(process.getErrorStream(), MAX_STDERR, () -> kill(process), process::isAlive);
        Answering answering = Answering.none();
        if (conversation.awaited() == null) ProgramInput.feed(process, conversation.answer(null));
        else answering = Answering.start(process, out, conversation, deadline);
        try {
            boolean exited = process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
            boolean ended = false;
            if (exited) {
                // the output ends when the last holder of the pipe closes it: normally the program itself.
                // The end of output alone does not prove it: when the program exits, the JDK's reaper takes
                // what is buffered and closes our end of the pipe, so a reader can see an end while a
                // process the program started still writes. So the run also ends only once no process of
                // its session still holds the output (one that left the session, with setsid, cannot be found
                // so; the end of output is all there is for it).
                long afterExit = Math.min(deadline, System.nanoTime() + afterExitLimit.toNanos());
                // both outputs ended while the program ran (the usual end of a script that exits as its output
                // closes): nobody holds them, no need to look through the session
                ended = out.await(afterExit) && err.await(afterExit)
                        && (out.releasedBeforeExit() && err.releasedBeforeExit() || ProcessSessions.outputReleased(process.pid(), afterExit));
            }
            OutputDrain full = out.overflowed() ? out : err.overflowed() ? err : null;
            if (full != null) {
                kill(process);
                throw new TransportException(program + " printed more than " + (full.limit() >> 20) + " MiB on "
                        + (full == out ? "its output" : "its error output") + "; it was stopped", false);
            }
            if (!exited) {
                kill(process);
                if (answering.pending()) {
                    // the program asked and waits: the time went on this side, making the answer (a plan of a
                    // large state); the host answered, and nothing was sent for it to act on
                    throw new TransportException(program + " waited longer than the " + timeout.toSeconds() + " s timeout (--timeout)"
                            + " for routesync's answer, which routesync was still working out (the plan of a large state); it was"
                            + " stopped before it got it, so nothing was applied there. A larger --timeout gives routesync more time", false);
                }
                if (answering.makingLater()) {
                    // the program got its answer and acts on it; what follows it (a session's record, made while
                    // its batch runs) took the time on this side
                    throw new TransportException(program + " waited longer than the " + timeout.toSeconds() + " s timeout (--timeout)"
                            + " for the rest of routesync's answer (the apply's record, made while its batch runs); it was stopped", false);
                }
                // "did not answer" only when nothing came back: a host that sent part of its answer did answer
                throw new TransportException(program + (out.isEmpty() ? " did not answer" : " did not finish") + " within "
                        + timeout.toSeconds() + " s; it was stopped", true);
            }
            if (!ended) {
                kill(process);
                throw new TransportException(program + " exited, but a process it started kept its output open; it was"
                        + " stopped", false);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for " + program, false, e);
        }
        answering.rethrow();
        int exit = process.exitValue();
        try {
            String errors = err.text();
            if ((exit == 126 || exit == 127) && errors.startsWith("setsid: failed to execute ")) {
                // setsid itself could not run the program (not found, not executable): it never started
                throw new TransportException("cannot start " + errors.substring("setsid: failed to execute ".length()).strip(),
                        true);
            }
            return new ScriptResult(exit, out.text(), errors);
        } catch (OutOfMemoryError e) {
            throw new TransportException(program + "'s output does not fit in memory; run with fewer --forks or a larger -Xmx", false);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Kills the program and every process of its session (a shell's children, also those whose parent exited). */
    private static void kill(Process process) {
        ProcessSessions.stop(process.pid());
        process.destroyForcibly();
    }

    /**
     * What a program's input is: fixed bytes, or (with an awaited line) an answer to what it printed up to
     * that line. The answer is made on a thread of its own while the program waits; it should not throw
     * for what it can say in its bytes.
     */
    public record Conversation(String awaited, Function<String, byte[]> reply, Supplier<byte[]> later) {
        /**
         * @param awaited the line to wait for, or null: {@code reply} gives the input from the start
         * @param reply   the program's input, given its output up to the awaited line (null without one); null: no input
         * @param later   the rest of the input, made once the reply is written (the program may already act on
         *                it meanwhile), piece by piece: asked again after each piece is written, until it gives
         *                null; asked only after a reply that was not null; null: nothing more
         */
        public Conversation {
            Objects.requireNonNull(reply);
        }

        /** A conversation whose reply is the whole input. */
        public Conversation(String awaited, Function<String, byte[]> reply) {
            this(awaited, reply, null);
        }

        /** The program's input, given its output up to the awaited line (null without one); null: no input. */
        public byte[] answer(String output) {
            return reply.apply(output);
        }

        /** This conversation with {@code then} told the answer once it is made (before it is written). */
        public Conversation whenAnswered(Consumer<byte[]> then) {
            return new Conversation(awaited, output -> {
                byte[] bytes = answer(output);
                then.accept(bytes);
                return bytes;
            }, later);
        }

        /** Input that does not depend on the output. */
        public static Conversation fixed(byte[] stdin) {
            return new Conversation(null, output -> stdin);
        }
    }
}
