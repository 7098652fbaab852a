package io.routesync.config.inventory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A read-only tree of text files that an inventory is read from: a directory on disk, a git commit's
 * tree, or a test's strings. Paths are relative and '/'-separated; "" is the root.
 */
public interface InventorySource {

    /** The text of a file, or empty when there is no file at that path (a directory is not a file). */
    Optional<String> read(String path) throws IOException;

    /** The entries of a directory sorted by name, or an empty list when there is no such directory. */
    List<Entry> list(String dir) throws IOException;

    /**
     * How Ansible would name {@code path} (inventory_file, inventory_dir): its absolute path for a
     * directory on disk; elsewhere (a commit, strings) the path itself.
     */
    default String absolute(String path) {
        return path;
    }

    /** One name in a directory listing. */
    record Entry(String name, boolean directory) {
    }

    /** The directory part of a path: "" for a file at the root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
