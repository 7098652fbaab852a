package io.routesync.transport;

import java.io.OutputStream;

/**
 * The answering side of a conversation with a program ({@link ProcessRunner#converse}): a thread that
 * waits for the awaited line, hands the output before it to the answer, writes the answer as the
 * program's input and then the later part piece by piece; and what {@link ProcessRunner} needs to know
 * of it once the program ended or its time ran out: whether the program was waiting on this side, and
 * what the answer threw.
 */
final class Answering {
    private volatile Throwable thrown;
    private volatile boolean started;
    private volatile boolean done;
    /** True while a piece of the answer's later part is being made. */
    private volatile boolean makingLater;

    private Answering() {
    }

    /** No answering: a program whose whole input is fixed. */
    static Answering none() {
        return new Answering();
    }

    /**
     * Waits (on its own thread) for the awaited line, hands the output before it to the answer and writes
     * the answer as the whole input; without the line (the program ended, or the deadline passed) the input
     * is closed unanswered, as it is when the answer throws.
     */
    static Answering start(Process process, OutputDrain out, ProcessRunner.Conversation conversation, long deadline) {
        Answering answering = new Answering();
        Thread t = new Thread(() -> answering.answer(process, out, conversation, deadline), "routesync-answer");
        t.setDaemon(true);
        t.start();
        return answering;
    }

    private void answer(Process process, OutputDrain out, ProcessRunner.Conversation conversation, long deadline) {
        OutputStream in = process.getOutputStream();
        try {
            int end = out.awaitLine(deadline);
            if (end < 0) {
                ProgramInput.close(in);
                return;
            }
            // the answer gets what came before the awaited line (the line and its newline are cut off)
            String head = out.take(end);
            started = true;
            byte[] bytes = conversation.answer(head.substring(0, head.length() - conversation.awaited().length() - 1));
            done = true;
            if (bytes == null || conversation.later() == null) {
                ProgramInput.write(in, bytes);
            } else if (ProgramInput.writeOpen(in, bytes)) {
                // the program acts on the reply while the rest is made, each piece sent once it is
                byte[] more = later(conversation);
                while (more != null && ProgramInput.writeOpen(in, more)) more = later(conversation);
                ProgramInput.close(in);
            }
        } catch (InterruptedException e) {
            ProgramInput.close(in);
        } catch (RuntimeException | Error e) {
            thrown = e;
            done = true;
            ProgramInput.close(in);
        }
    }

    /** The next piece of {@code conversation}'s later part, noted as being made meanwhile. */
    private byte[] later(ProcessRunner.Conversation conversation) {
        makingLater = true;
        try {
            return conversation.later().get();
        } finally {
            makingLater = false;
        }
    }

    /** True while the program waits for an answer that is not made yet. */
    boolean pending() {
        return started && !done;
    }

    /** True while the program, answered, waits for a piece of the later part that is being made. */
    boolean makingLater() {
        return makingLater;
    }

    /** What the answer threw, thrown on the caller's thread. */
    void rethrow() {
        Throwable t = thrown;
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
    }
}
