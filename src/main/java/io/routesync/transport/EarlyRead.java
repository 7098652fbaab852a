package io.routesync.transport;

import io.routesync.iproute2.HostReading;
import io.routesync.model.TableId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A plan's read of a local target (this host or a namespace) started while its desired state is still
 * being loaded, on a thread of its own: the read script, the dump and the parse of the reading run on
 * the second core instead of after the load. The read asks for no tables, so the script reads exactly
 * the footprint (the tables the last apply put routes in); a read of the desired state's tables reads
 * those and the footprint, so when the footprint holds every table the desired state names, the two
 * readings are the same text (the same tables in the same order, the same digest): the early one is
 * then {@link HostReader#read}'s answer, taken a little earlier, under the same shared lock.
 *
 * <p>A plan whose state may have expectations reads early with the wide part ({@link HostReader#readWide})
 * and no extra tables: the wide part then lists the tables the host's rules look up. A wide read with
 * {@code extra} tables lists those too, so the early one is its answer when every extra table is in it
 * (the kernel's tables and the desired rules' are, as long as rules look them up): the same sections in
 * the same order. Its reading part is a plain read's, so it also answers {@link HostReader#read}.
 *
 * <p>Anything else and nothing changes but the moment: a desired state with tables the footprint lacks,
 * a wide read whose extra tables the early one did not list, a wide read of a plain early read, other
 * paths or waits, or an early read that failed (except on a held lock, which no table list changes and
 * which is not waited for twice) are read again as before, so their reading and their errors are the ones
 * a read without this gives. An early read
 * nobody takes (the state did not load: its error is reported and the run ends) is stopped with its
 * program ({@link #cancel}, and the run's shutdown stops every program still running). Only a target whose
 * footprint file is on this machine and names a table is read early: a first plan (no footprint) has
 * nothing to gain, and the footprint file tells beforehand whether the early reading will fit.
 */
public final class EarlyRead extends ForwardingTarget {
    /** A footprint file is one table id a line; a bigger one is not this kind of file and is not guessed from. */
    private static final int MAX_FOOTPRINT = 64 << 10;

    private final TargetPaths paths;
    private final Duration lockWait;
    private final Duration timeout;
    /** The tables the footprint file named when the read started: whether the reading will fit is known before it ends. */
    private final Set<TableId> footprint;
    /** Whether the early read has the wide part (with no extra tables); its answer's {@link HostReader.Wide#wide()} is null when not. */
    private final boolean wide;
    /** Whether the reading is digested (else its digest is {@link HostReading#UNDIGESTED}: a plan that is not saved). */
    private final boolean digest;
    private final FutureTask<HostReader.Wide> reading;
    private volatile boolean taken;

    private EarlyRead(Target target, TargetPaths paths, Duration lockWait, Duration timeout, Set<TableId> footprint, boolean wide,
            boolean digest) {
        super(target);
        this.paths = paths;
        this.lockWait = lockWait;
        this.timeout = timeout;
        this.footprint = footprint;
        this.wide = wide;
        this.digest = digest;
        this.reading = new FutureTask<>(() -> wide ? HostReader.readWideNow(target, paths, List.of(), List.of(), lockWait, timeout, digest)
                : new HostReader.Wide(HostReader.readNow(target, paths, List.of(), lockWait, timeout, digest, true), null));
    }

    /**
     * Starts loading read.sh's text from the jar on a daemon thread (a few ms of a cold JVM), so a plan's read,
     * early or not, finds it loaded: called first thing, before the state files are read and the target is
     * resolved.
     */
    public static void prepare() {
        Script.READ.loadSoon();
    }

    /**
     * {@code target} reading itself early, on a daemon thread, when it is a local target ({@link LocalTarget})
     * whose footprint names a table; else {@code target} itself (it reads when asked, as before). With
     * {@code wide} (the state may have expectations), the read has the wide part; without {@code digest}
     * (nothing will compare the reading: a plan that is not saved), the reading is not digested.
     */
    public static Target start(Target target, TargetPaths paths, Duration lockWait, Duration timeout, boolean wide, boolean digest) {
        if (!(target instanceof LocalTarget)) return target;
        Set<TableId> footprint = footprint(Path.of(paths.stateDir(), "tables"));
        return footprint.isEmpty() ? target : start(target, paths, lockWait, timeout, footprint, wide, digest);
    }

    /** Starts reading {@code target}, as if its footprint named {@code footprint} (any target: the archive's training reads one). */
    public static EarlyRead start(Target target, TargetPaths paths, Duration lockWait, Duration timeout, Set<TableId> footprint,
            boolean wide, boolean digest) {
        EarlyRead early = new EarlyRead(target, paths, lockWait, timeout, footprint, wide, digest);
        Thread t = new Thread(early.reading, "routesync-early-read");
        t.setDaemon(true);
        t.start();
        return early;
    }

    /**
     * The early reading, when it is what a read of {@code tables} with these paths and waits gives now;
     * null when the caller must read. Once only: a later read of the same run is a read of its own.
     *
     * @throws LockHeldException when the early read found the lock held for longer than the wait
     */
    HostReading take(TargetPaths paths, Collection<TableId> tables, Duration lockWait, Duration timeout)
            throws LockHeldException {
        HostReader.Wide early = taken(paths, tables, lockWait, timeout, false);
        return early == null ? null : early.reading();
    }

    /**
     * The early reading and its wide part, when they are what a wide read of {@code tables} and {@code extra}
     * with these paths and waits gives now ({@link HostReader#readWide}); null when the caller must read.
     * Once only, as {@link #take}.
     *
     * @throws LockHeldException when the early read found the lock held for longer than the wait
     */
    HostReader.Wide takeWide(TargetPaths paths, Collection<TableId> tables, Collection<TableId> extra, Duration lockWait,
            Duration timeout) throws LockHeldException {
        HostReader.Wide early = taken(paths, tables, lockWait, timeout, true);
        // the script lists an extra table in the wide part unless the reading has it: every one the early read
        // did not list would be a section more
        return early == null || !early.wide().observed().tablesRead().containsAll(extra) ? null : early;
    }

    private synchronized HostReader.Wide taken(TargetPaths paths, Collection<TableId> tables, Duration lockWait, Duration timeout,
            boolean wanted) throws LockHeldException {
        if (taken) return null;
        taken = true;
        if (!paths.equals(this.paths) || !lockWait.equals(this.lockWait) || !timeout.equals(this.timeout)
                || !footprint.containsAll(tables) || (wanted && !wide)) {
            cancel();
            return null;
        }
        try {
            HostReader.Wide early = reading.get();
            // the footprint may have changed since the file was looked at: the reading says what it read
            return early.reading().observed().tablesRead().containsAll(tables) ? early : null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LockHeldException) throw new LockHeldException(target.name(), lockWait);
            return null;
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops the early read (its program too) unless it has ended; a later read is a read of its own. */
    public void cancel() {
        taken = true;
        reading.cancel(true);
    }


    /**
     * The table ids of a footprint file as read.sh's footprint() takes them (lines of digits; others
     * skipped), or none when there is no such file or it cannot be read.
     */
    static Set<TableId> footprint(Path file) {
        Set<TableId> tables = new TreeSet<>();
        if (!Files.isRegularFile(file)) return tables;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FOOTPRINT + 1);
        } catch (IOException e) {
            return tables;
        }
        if (bytes.length > MAX_FOOTPRINT) return tables;
        for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.isEmpty() || line.length() > 10 || !digits(line)) continue;
            long id = Long.parseLong(line);
            if (id >= 1 && id <= TableId.MAX) tables.add(TableId.of(id));
        }
        return tables;
    }

    /** Whether {@code s} is digits only (a loop: a stream's lambda not in the class-data archive costs ms to link, on the way to the read). */
    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
