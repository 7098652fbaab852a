package io.routesync.apply;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.HostReading;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.transport.RouteGetScript;
import io.routesync.transport.ScriptParts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the apply script reads on stdin for one plan: the target's name files when they change, the
 * tables to add to the footprint before the batch, the plan's {@code ip -batch} lines per family in
 * plan order and in chunks, the footprint after it and the record.
 * Remembers which change each batch line came from, so a failed line can be named.
 */
public final class ApplyInput {
    /** ip -batch grows ~4 KB per line and slows down on huge inputs (docs/planning.md#batches). */
    public static final int CHUNK_LINES = 50_000;

    /** About the length of a route's batch line, to size a chunk's buffer. */
    private static final int LINE_GUESS = 96;

    private static final String TABLES_HEADER = "# Written by routesync: table names of the desired state.\n"
            + "# This file is replaced on every apply; change the desired state instead.\n";

    /** One {@code ip -batch} input and the change behind each of its lines. */
    public record Chunk(String part, Family family, List<Change> changes) {
    }

    private final ScriptParts parts = new ScriptParts();
    private final List<Chunk> chunks = new ArrayList<>();

    private ApplyInput() {
    }

    /**
     * @param grow      tables added to the footprint before the batch (it then names every table the
     *                  batch may leave a tagged route in, however it ends), or null to leave it; when
     *                  it cannot be written the script stops, unless {@code undo}
     * @param footprint the footprint once every batch succeeded, or null to leave it as it is then
     * @param record    the JSON record to write when every batch succeeds, or null for none
     * @param undo      the plan is a rollback: it goes on when the footprint cannot be grown (reported)
     */
    public static ApplyInput build(HostPlan plan, HostReading reading, Ownership ownership,
            Collection<TableId> grow, Collection<TableId> footprint, String record, boolean undo) {
        ApplyInput in = new ApplyInput();
        if (grow != null) in.parts.add("footprint-grow", tableLines(grow));
        if (undo) in.parts.add("undo", "");
        if (changesNames(plan)) in.parts.add("tables", tablesFile(reading.observed().managedTableNames(), plan));
        if (!Ownership.PROTOCOL_NAME.equals(reading.managedProtocolNames().get(ownership.protocolTag()))
                || reading.managedProtocolNames().size() != 1) {
            in.parts.add("protos", "# Written by routesync: the protocol number it tags its routes and rules with.\n"
                    + ownership.protocolTag() + " " + Ownership.PROTOCOL_NAME + "\n");
        }
        in.batches(plan, Family.INET);
        in.batches(plan, Family.INET6);
        if (footprint != null) in.parts.add("footprint", tableLines(footprint));
        if (record != null) in.parts.add("record", record);
        return in;
    }

    private static String tableLines(Collection<TableId> tables) {
        StringBuilder lines = new StringBuilder();
        for (TableId t : new TreeSet<>(tables)) lines.append(t.id()).append('\n');
        return lines.toString();
    }

    private static boolean changesNames(HostPlan plan) {
        return plan.changes().stream().anyMatch(c -> c.entry() instanceof TableName);
    }

    /** routesync's rt_tables.d file after the plan: what it holds now, with the plan's name changes. */
    static String tablesFile(List<TableName> current, HostPlan plan) {
        TreeSet<TableName> names = new TreeSet<>(current);
        for (Change c : plan.changes()) {
            if (!(c.entry() instanceof TableName)) continue;
            if (c.action() == Action.DELETE) names.remove((TableName) c.entry());
            else names.add((TableName) c.entry());
        }
        StringBuilder out = new StringBuilder(TABLES_HEADER);
        for (TableName n : names) out.append(n.id().id()).append(' ').append(n.name()).append('\n');
        return out.toString();
    }

    private void batches(HostPlan plan, Family family) {
        int count = 0;
        for (Change c : plan.changes()) {
            if (ChangeSyntax.family(c) == family) count++;
        }
        if (count == 0) return;
        // one buffer for a chunk's lines, made about the size they take (~85 bytes a route line): a buffer
        // that grows copies a 100k-route batch several times over
        List<Change> current = new ArrayList<>(Math.min(count, CHUNK_LINES));
        StringBuilder lines = new StringBuilder(LINE_GUESS * Math.min(count, CHUNK_LINES));
        for (Change c : plan.changes()) {
            if (ChangeSyntax.family(c) != family) continue;
            current.add(c);
            ChangeSyntax.appendBatchLine(lines, c);
            if (current.size() == CHUNK_LINES) {
                flush(family, current, lines);
                count -= CHUNK_LINES;
                current = new ArrayList<>(Math.min(count, CHUNK_LINES));
                lines.setLength(0);
            }
        }
        if (!current.isEmpty()) flush(family, current, lines);
    }

    private void flush(Family family, List<Change> changes, StringBuilder lines) {
        String part = String.format("batch%s-%04d", family == Family.INET ? "4" : "6", chunks.size() + 1);
        chunks.add(new Chunk(part.substring("batch".length()), family, List.copyOf(changes)));
        parts.add(part, lines.toString());
    }

    /**
     * Adds the desired state to keep on the target ({@code STATE_DIR/desired.yaml}) and the digest of its
     * proof when the host does not have it ({@code STATE_DIR/desired.digest}), and in a session the key of
     * its inputs ({@code STATE_DIR/desired.inputs}), written like the record, only when every batch
     * succeeded; null keeps nothing.
     */
    ApplyInput keep(KeptCopy kept) {
        keep(parts, kept);
        return this;
    }

    private static void keep(ScriptParts parts, KeptCopy kept) {
        if (kept == null) return;
        parts.add("desired", kept.text());
        if (kept.newDigest() != null) parts.add("desired-digest", kept.newDigest());
        if (kept.inputsKey() != null) parts.add("desired-inputs", kept.inputsKey());
    }

    /**
     * The desired state to keep ({@link #keep}), as a session sends it on its own after the batch's parts
     * (made while the batch runs); null when there is none.
     */
    static ScriptParts kept(KeptCopy kept) {
        if (kept == null) return null;
        ScriptParts late = new ScriptParts();
        keep(late, kept);
        return late;
    }

    /**
     * Adds the flows to ask the kernel after the re-read, in the apply's own session (the expectations:
     * a round trip less than asking them after it); none, or flows that cannot be sent as lines, add nothing.
     */
    ApplyInput ask(List<List<String>> flows) {
        String part = flows.isEmpty() ? null : RouteGetScript.asPart(flows);
        if (part != null) parts.add("flows", part);
        return this;
    }

    /** The parts apply.sh reads on stdin (see apply.sh for their names). */
    public ScriptParts parts() {
        return parts;
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    /** The chunk the apply script reports as {@code cmd batch PART}, or null. */
    public Chunk chunk(String part) {
        for (Chunk c : chunks) {
            if (c.part().equals(part)) return c;
        }
        return null;
    }

    /** Counts of batch lines per family, for reports: {inet=N, inet6=M}. */
    public Map<Family, Integer> lineCounts() {
        int v4 = 0;
        int v6 = 0;
        for (Chunk c : chunks) {
            if (c.family() == Family.INET) v4 += c.changes().size();
            else v6 += c.changes().size();
        }
        return Map.of(Family.INET, v4, Family.INET6, v6);
    }
}
