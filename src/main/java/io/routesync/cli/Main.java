package io.routesync.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * routesync's entry point. {@link #run} returns the exit code instead of exiting, so tests run the
 * CLI in-process with their own writers.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(out, err, Screen.detect(), args);
        } catch (OutOfMemoryError e) {
            // input files are bounded by size (InputLimits), but what they hold may still not fit this heap
            err.println("error: routesync ran out of memory (Java heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB);"
                    + " a state of a million routes needs about 1 GiB: give it more with JAVA_OPTS=-Xmx2g (or java -Xmx2g)");
            code = ExitCodes.FAILED;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Screen.NONE, args);
    }

    static int run(PrintWriter rawOut, PrintWriter rawErr, Screen screen, String... args) {
        // text from targets and input files reaches both streams: no control sequence of theirs gets through
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli prints for it, without building a command model: a whole run as fast as the JVM starts
            rawOut.println(new Version().getVersion()[0]);
            rawOut.flush();
            return ExitCodes.OK;
        }
        PrintWriter out = TerminalSafeWriter.wrap(rawOut);
        PrintWriter err = TerminalSafeWriter.wrap(rawErr);
        // a plain validate or plan runs without picocli's model (DirectRun); anything else through picocli
        Integer direct = DirectRun.run(out, err, screen, args);
        int code = direct != null ? direct : viaPicocli(out, err, screen, args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs {@code args} through picocli's model of routesync (every command line DirectRun declines). */
    static int viaPicocli(PrintWriter out, PrintWriter err, Screen screen, String... args) {
        // before the settings below: picocli gives them only to the subcommands it has at that moment
        CommandLine cli = RootCommand.commandLine(new RootCommand(screen), args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        return cli.execute(args);
    }
}
