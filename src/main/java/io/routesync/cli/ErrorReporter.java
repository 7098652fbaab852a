package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.git.RepoLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The one place where failures become messages and exit codes: diagnostics for bad input (65), one
 * paragraph for everything else, a stack trace only with {@code --debug}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return report(e, cli.getErr(), parsed != null && isDebug(parsed));
    }

    /** Reports a command's failure on {@code err} (with its stack trace when {@code debug}); returns the exit code. */
    static int report(Exception e, PrintWriter err, boolean debug) {
        int code = exitCode(e);
        if (e instanceof InvalidInputException) {
            printDiagnostics((InvalidInputException) e, err);
        } else if (e instanceof UserError) {
            err.println("error: " + RepoLocation.maskCredentials(e.getMessage()));
        } else {
            err.println("error: routesync failed unexpectedly: " + RepoLocation.maskCredentials(e.toString())
                    + (debug ? "" : " (run again with --debug for details)"));
        }
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            // a URL with credentials may hide in any message of the chain
            err.print(RepoLocation.maskCredentials(trace.toString()));
        }
        err.flush();
        return code;
    }

    /** The exit code a failure ends the run with: 65 bad input, a user error's own, else 1. */
    static int exitCode(Exception e) {
        if (e instanceof InvalidInputException) return ExitCodes.DATA;
        if (e instanceof UserError) return ((UserError) e).exitCode();
        return ExitCodes.FAILED;
    }

    static int printDiagnostics(InvalidInputException e, PrintWriter err) {
        int errors = 0;
        for (Diagnostic d : e.diagnostics()) {
            err.println(d.format());
            if (d.isError()) errors++;
        }
        err.println(errors == 1 ? "1 error; nothing was changed." : errors + " errors; nothing was changed.");
        return ExitCodes.DATA;
    }

    private static boolean isDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    /** Bad command line: the message, a pointer to help, exit 64. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + RepoLocation.maskCredentials(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
