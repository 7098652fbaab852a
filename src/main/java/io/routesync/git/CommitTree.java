package io.routesync.git;

import io.routesync.config.InputLimits;
import io.routesync.config.InputText;
import io.routesync.config.inventory.InventorySource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * An {@link InventorySource} over one commit's tree, read straight from the object database: no
 * checkout, so uncommitted edits and the state of any work tree play no part. Symbolic links and
 * submodules are not files here (git stores a link's target, not the file it points to).
 */
public final class CommitTree implements InventorySource {
    private final Repository repository;
    private final ObjectId tree;

    CommitTree(Repository repository, ObjectId tree) {
        this.repository = repository;
        this.tree = tree;
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        if (check(path).isEmpty()) return Optional.empty();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) return Optional.empty();
            FileMode mode = walk.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) return Optional.empty();
            var loader = reader.open(walk.getObjectId(0));
            InputText.checkSize(loader.getSize());
            return Optional.of(InputText.decode(loader.getBytes((int) InputLimits.MAX_FILE_BYTES)));
        }
    }

    @Override
    public List<Entry> list(String dir) throws IOException {
        check(dir);
        List<Entry> entries = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            if (dir.isEmpty()) {
                walk.addTree(tree);
            } else {
                try (TreeWalk at = TreeWalk.forPath(reader, dir, tree)) {
                    if (at == null || at.getFileMode(0) != FileMode.TREE) return List.of();
                    walk.addTree(at.getObjectId(0));
                }
            }
            walk.setRecursive(false);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.TREE) entries.add(new Entry(walk.getNameString(), true));
                else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) entries.add(new Entry(walk.getNameString(), false));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    // Paths come from the inventory itself; the same rules as on disk, so a tree and a checkout agree.
    private static String check(String path) {
        if (path.startsWith("/") || path.contains("\\") || path.endsWith("/")) throw new IllegalArgumentException("not a relative path: " + path);
        for (String segment : path.split("/", -1)) {
            if (!path.isEmpty() && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                throw new IllegalArgumentException("path leaves the repository or is not normal: " + path);
            }
        }
        return path;
    }
}
