package io.routesync.run.watch;

import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The desired state the last apply kept on the target ({@link LastApplied}) as a watch's source. It
 * changes when an apply or a pull from elsewhere applies a new state: {@link #changed()} tells (by the
 * file's identity, size and time, looked at only when the watch is about to converge; when those changed,
 * by its text, as the watch's own heals write the same state again), so the watch takes the new state
 * instead of undoing it as drift.
 */
public final class KeptSource implements WatchSource {
    /** Larger kept states are not compared by text: a changed stamp then reads them again. */
    private static final long MAX_COMPARED = 4 << 20;
    private final String target;
    private final TargetPaths paths;
    private final int protocolTag;
    private final String version;
    private Object loadedStamp;
    private String loadedText;

    public KeptSource(String target, TargetPaths paths, int protocolTag, String version) {
        this.target = target;
        this.paths = paths;
        this.protocolTag = protocolTag;
        this.version = version;
    }

    @Override
    public HostSpec load() throws Exception {
        Object before = stamp();
        String text = text();
        try {
            return LastApplied.spec(target, paths, protocolTag, version);
        } finally {
            // a kept state that cannot be read is reported once, not at every convergence: the watch keeps the old one
            loadedStamp = before;
            loadedText = text;
        }
    }

    @Override
    public boolean changed() {
        Object now = stamp();
        if (Objects.equals(loadedStamp, now)) return false;
        // written again with the same text (a heal keeps the state it applied): nothing to read again
        if (now != null && loadedText != null && loadedText.equals(text())) {
            loadedStamp = now;
            return false;
        }
        return true;
    }

    @Override
    public String describe() {
        return "the kept state " + LastApplied.file(paths);
    }

    private record Stamp(Object key, long size, long modified) {
    }

    /** The file's text, or null when it cannot be read (bounded: the kept state is a state file routesync wrote). */
    private String text() {
        try {
            Path file = LastApplied.file(paths);
            if (Files.size(file) > MAX_COMPARED) return null;
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Object stamp() {
        Path file = LastApplied.file(paths);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }
}
