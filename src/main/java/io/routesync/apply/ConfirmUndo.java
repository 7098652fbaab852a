package io.routesync.apply;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.TableName;
import io.routesync.plan.Planner;
import io.routesync.plan.Simulator;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.ScriptParts;
import java.util.ArrayList;
import java.util.List;

/**
 * The undo of a plan, staged on the host before the plan runs ({@code apply --confirm}): the rollback
 * plan from the host as the plan will leave it back to the snapshot it was made from, for every entry
 * the plan touches ({@link Planner#rollback}). Deletes for adds, adds for deletes, replaces back for
 * replaces, in make-before-break order. Table names are not in it: the host keeps a copy of
 * routesync's files as they were and restores them.
 */
public final class ConfirmUndo implements ConfirmTimer.Undo {
    private final HostPlan back;

    private ConfirmUndo(HostPlan back) {
        this.back = back;
    }

    /**
     * @throws io.routesync.plan.SimulationException if the plan does not apply to the snapshot (a
     *         caller error: the plan was made from another reading)
     */
    public static ConfirmUndo of(Observed snapshot, HostPlan plan, Ownership ownership) {
        Observed after = Simulator.apply(snapshot, plan);
        return new ConfirmUndo(Planner.rollback(snapshot, after, plan, ownership));
    }

    /** The changes the host will run, in order. */
    public HostPlan plan() {
        return back;
    }

    /**
     * The undo batches arm.sh stages: {@code undo4-NNNN} and {@code undo6-NNNN}, of at most
     * {@link ApplyInput#CHUNK_LINES} lines each.
     */
    @Override
    public ScriptParts batches() {
        ScriptParts parts = new ScriptParts();
        for (Family f : Family.values()) {
            List<String> lines = new ArrayList<>();
            for (Change c : back.changes()) {
                if (c.entry() instanceof TableName || ChangeSyntax.family(c) != f) continue;
                lines.add(ChangeSyntax.batchLine(c));
            }
            int chunk = 0;
            for (int i = 0; i < lines.size(); i += ApplyInput.CHUNK_LINES) {
                String name = String.format("undo%s-%04d", f == Family.INET ? "4" : "6", ++chunk);
                parts.add(name, String.join("\n", lines.subList(i, Math.min(lines.size(), i + ApplyInput.CHUNK_LINES))) + "\n");
            }
        }
        return parts;
    }
}
