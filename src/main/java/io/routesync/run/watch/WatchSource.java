package io.routesync.run.watch;

import io.routesync.run.HostSpec;
import java.util.List;

/**
 * Where a watch's desired state comes from: read at the start and again on reload. A source that has to
 * go and get its state (a git repository) does so in the background ({@link #start}), never on the
 * watch's loop, and wakes the loop when it has a new state ({@link #changed()}) or something to say
 * ({@link #notes()}); {@link #load()} then only hands over what it has.
 */
public interface WatchSource {
    /** What a background look found for the log (a failed fetch, a refused commit): one line each. */
    record Note(WatchEvent.Kind kind, String why, String detail) {
    }

    HostSpec load() throws Exception;

    /** Where it comes from, for the log ("-f states/edge.yml", "the kept state /var/lib/routesync/desired.yaml"). */
    String describe();

    /** Whether it changed since it was last loaded, as far as it can tell cheaply (files given by -f: never). */
    default boolean changed() {
        return false;
    }

    /** Why it changed, for the log: the words a reload and the convergence after it give as their reason. */
    default String change() {
        return "the desired state changed (a later apply or pull)";
    }

    /** Starts looking in the background, before the first {@link #load()}; {@code wake} tells the loop there is news. */
    default void start(Runnable wake) {
    }

    /** SIGHUP: true when the source looks again in the background (and wakes the loop); false: the loop reads it again now. */
    default boolean lookAgain() {
        return false;
    }

    /** What the background looks found since last asked, for the log, oldest first. */
    default List<Note> notes() {
        return List.of();
    }

    /** The target was found or made as the state last loaded says (a convergence without failure). */
    default void converged() {
    }

    /** Stops the background looks. */
    default void close() {
    }
}
