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
        int code = run(out, err, Screen.detect(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Screen.NONE, args);
    }

    static int run(PrintWriter rawOut, PrintWriter rawErr, Screen screen, String... args) {
        // text from targets and input files reaches both streams: no control sequence of theirs gets through
        PrintWriter out = TerminalSafeWriter.wrap(rawOut);
        PrintWriter err = TerminalSafeWriter.wrap(rawErr);
        CommandLine cli = new CommandLine(new RootCommand(screen));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
