package io.routesync.cli;

import io.routesync.run.HostRun;
import io.routesync.run.RunResult;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one question before an apply, on the terminal: only "yes" applies. Without a terminal it
 * refuses (exit 64) and says how to approve instead; any other answer cancels (exit 1), with nothing
 * changed either way.
 */
final class Approvals {
    private Approvals() {
    }

    /** The question for one host. */
    static void host(String host, PrintWriter out) throws UserError {
        ask("\nDo you want to apply these changes on " + host + "? Only 'yes' is accepted: ", out,
                " Review the plan above and run again with --auto-approve (or save it with plan --out FILE and apply FILE).");
    }

    /** One question for every host with changes pending. */
    static void fleet(RunResult planned, PrintWriter out) throws UserError {
        int changes = 0;
        int hosts = 0;
        List<String> skipped = new ArrayList<>();
        for (HostRun r : planned.hosts()) {
            if (r.status() == HostRun.Status.CHANGED) {
                hosts++;
                changes += r.plan().changes().size();
            } else if (r.status() != HostRun.Status.OK) {
                skipped.add(r.name());
            }
        }
        ask("\nApply " + changes + (changes == 1 ? " change" : " changes") + " on " + hosts + (hosts == 1 ? " host" : " hosts")
                + (skipped.isEmpty() ? "" : " (" + skipped.size() + " that could not be planned are left alone)")
                + "? Only 'yes' is accepted: ", out, " Review the plans above and run again with --auto-approve.");
    }

    private static void ask(String question, PrintWriter out, String withoutTerminal) throws UserError {
        Console console = System.console();
        if (console == null) {
            throw new UserError(ExitCodes.USAGE, "refusing to apply without confirmation: there is no terminal to ask on." + withoutTerminal);
        }
        out.print(question);
        out.flush();
        String answer = console.readLine();
        if (answer == null || !answer.strip().equals("yes")) throw new UserError(ExitCodes.FAILED, "apply cancelled; nothing was changed.");
    }
}
