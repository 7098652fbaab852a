package io.routesync.plan;

import io.routesync.model.Change;

/** A change the kernel would refuse, found by {@link Simulator}: the change, its position and the kernel's answer. */
public final class SimulationException extends RuntimeException {
    private final int index;
    private final transient Change change;

    public SimulationException(int index, Change change, String kernelMessage) {
        super("change " + (index + 1) + " (" + change.action().symbol() + " " + EntryText.of(change.entry()) + "): "
                + kernelMessage);
        this.index = index;
        this.change = change;
    }

    /** The 0-based position of the refused change in the plan. */
    public int index() {
        return index;
    }

    public Change change() {
        return change;
    }
}
