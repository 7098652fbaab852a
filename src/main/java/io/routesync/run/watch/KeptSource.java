package io.routesync.run.watch;

import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The desired state the last apply kept on the target ({@link LastApplied}) as a watch's source. It
 * changes when an apply or a pull from elsewhere applies a new state: {@link #changed()} tells (by the
 * file's identity, size and time, looked at only when the watch is about to converge), so the watch takes
 * the new state instead of undoing it as drift.
 */
public final class KeptSource implements WatchSource {
    private final String target;
    private final TargetPaths paths;
    private final int protocolTag;
    private final String version;
    private Object loadedStamp;

    public KeptSource(String target, TargetPaths paths, int protocolTag, String version) {
        this.target = target;
        this.paths = paths;
        this.protocolTag = protocolTag;
        this.version = version;
    }

    @Override
    public HostSpec load() throws Exception {
        Object before = stamp();
        try {
            return LastApplied.spec(target, paths, protocolTag, version);
        } finally {
            // a kept state that cannot be read is reported once, not at every convergence: the watch keeps the old one
            loadedStamp = before;
        }
    }

    @Override
    public boolean changed() {
        return !Objects.equals(loadedStamp, stamp());
    }

    @Override
    public String describe() {
        return "the kept state " + LastApplied.file(paths);
    }

    private record Stamp(Object key, long size, long modified) {
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
