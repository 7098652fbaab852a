package io.routesync.cli;

import picocli.CommandLine.Option;

/** {@code --allow-rewind}, a mixin of pull and {@code watch --repo}: the same words and meaning for both. */
public final class RewindOption {

    @Option(names = "--allow-rewind",
            description = "Apply the commit even when it does not descend from the one the last successful pull applied"
                + " (a branch moved back or force-pushed); without it such a commit is refused.")
    boolean allowRewind;
}
