package io.routesync.cli;

import io.routesync.apply.ApplySafety;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.ParallelRun;
import io.routesync.model.Action;
import io.routesync.model.HostPlan;
import io.routesync.render.HostBlockRenderer;
import io.routesync.render.HumanPlanRenderer;
import io.routesync.render.Style;
import java.io.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The apply phase of {@code apply -i}: one question for the whole fleet, then every host with changes
 * applied in parallel with the single-host flow (management-path check, stale re-plan, verify,
 * rollback, --confirm), a block per host in inventory order. Hosts without changes, or that could not
 * be planned, are left alone.
 */
final class FleetApply {
    private FleetApply() {
    }

    /** {@code Plan: 5 to add, 0 to change, 1 to delete on 3 of 8 hosts.} */
    static String summary(List<HostRun> planned) {
        int add = 0;
        int change = 0;
        int delete = 0;
        int hosts = 0;
        for (HostRun r : planned) {
            if (r.status() != HostRun.Status.CHANGED) continue;
            hosts++;
            add += r.plan().count(Action.ADD);
            change += r.plan().count(Action.REPLACE);
            delete += r.plan().count(Action.DELETE);
        }
        return "Plan: " + add + " to add, " + change + " to change, " + delete + " to delete on " + hosts + " of " + planned.size()
                + (planned.size() == 1 ? " host." : " hosts.");
    }

    /** Asks once on the terminal; refuses without one (the caller checked --auto-approve). */
    static void confirm(List<HostRun> planned, PrintWriter out) throws UserError {
        Console console = System.console();
        if (console == null) {
            throw new UserError(ExitCodes.USAGE, "refusing to apply without confirmation: there is no terminal to ask on."
                    + " Review the plans above and run again with --auto-approve.");
        }
        int changes = 0;
        int hosts = 0;
        List<String> skipped = new ArrayList<>();
        for (HostRun r : planned) {
            if (r.status() == HostRun.Status.CHANGED) {
                hosts++;
                changes += r.plan().changes().size();
            } else if (r.status() != HostRun.Status.OK) {
                skipped.add(r.name());
            }
        }
        out.print("\nApply " + changes + (changes == 1 ? " change" : " changes") + " on " + hosts + (hosts == 1 ? " host" : " hosts")
                + (skipped.isEmpty() ? "" : " (" + skipped.size() + " that could not be planned are left alone)")
                + "? Only 'yes' is accepted: ");
        out.flush();
        String answer = console.readLine();
        if (answer == null || !answer.strip().equals("yes")) throw new UserError(ExitCodes.FAILED, "apply cancelled; nothing was changed.");
    }

    /**
     * Applies every planned host with changes; returns every host's final result in inventory order.
     * {@code acceptReplan}: a host that changed since it was read gets its new plan (shown in its block).
     */
    static List<HostRun> run(List<HostJob> jobs, List<HostRun> planned, int forks, FleetConsole console, boolean blocks,
            boolean acceptReplan, ApplySafety safety) throws InterruptedException {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).status() == HostRun.Status.CHANGED) changed.add(i);
        }
        List<HostRun> applied;
        try {
            applied = ParallelRun.run(changed.size(), forks,
                    k -> jobs.get(changed.get(k)).apply(planned.get(changed.get(k)), acceptReplan, safety, replanned -> { }),
                    (k, thrown) -> jobs.get(changed.get(k)).failed(planned.get(changed.get(k)), thrown),
                    new ParallelRun.Listener<HostRun>() {
                        @Override
                        public void progress(int done, int running, int total) {
                            console.progress("applying", done, running, total);
                        }

                        @Override
                        public void next(int index, HostRun run) {
                            if (blocks) console.print(block(run, console.style(), console.width()));
                        }
                    });
        } finally {
            console.endProgress();
        }
        List<HostRun> all = new ArrayList<>(planned);
        for (int k = 0; k < changed.size(); k++) all.set(changed.get(k), applied.get(k));
        return all;
    }

    static String block(HostRun run, Style style, int width) {
        StringBuilder b = new StringBuilder(HostBlockRenderer.header(run.name(), style, width));
        for (HostPlan replanned : run.replans()) {
            b.append(run.name()).append(" changed while waiting; applying the new plan:\n");
            b.append(HumanPlanRenderer.render(run.name(), replanned, run.spec().loaded().names(), style, run.spec().loaded().state()));
        }
        return b.append(outcome(run, style, width)).append('\n').toString();
    }

    /** How the host's apply ended: its failure, or the apply's report and confirmation; the check's note first. */
    static String outcome(HostRun run, Style style, int width) {
        StringBuilder b = new StringBuilder();
        if (run.note() != null) b.append("note: ").append(run.note()).append('\n');
        if (run.failure() != null) {
            return b.append(HostBlockRenderer.failure(run.name(), run.failure().unreachable(), run.failure().detail(), style, width)).toString();
        }
        if (run.report() == null && run.confirm() == null) {
            return b.append("Nothing to apply: ").append(run.name()).append(" is as it was when planned.\n").toString();
        }
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        ApplyOutcome.print(run.name(), run.report(), run.confirm(), run.spec().loaded().names(), w, w, style);
        w.flush();
        return b.append(text).toString();
    }
}
