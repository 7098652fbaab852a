package io.routesync.config.inventory;

import io.routesync.config.InputText;
import io.routesync.config.UnreadableInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link InventorySource} over a directory on disk. This is the one place inventory reading touches
 * the file system; everything else works on the text it returns. Paths cannot leave the root.
 */
public final class DirectorySource implements InventorySource {
    private final Path root;

    public DirectorySource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The source-relative path of a file under the root, as {@link InventoryReader#read} takes it. */
    public String pathOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            throw new IllegalArgumentException(file + " is not under " + root);
        }
        return root.relativize(absolute).toString().replace('\\', '/');
    }

    @Override
    public String absolute(String path) {
        return root.resolve(path).normalize().toString();
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        Path file = resolve(path);
        Optional<String> other = otherKind(file);
        // a directory reads as absent (group_vars/all may be one); a pipe or a device is refused, never opened
        if (other.isPresent() && !Files.isDirectory(file)) throw UnreadableInput.notARegularFile(other.get());
        if (!Files.isRegularFile(file)) return Optional.empty();
        InputText.checkSize(Files.size(file));
        return Optional.of(InputText.decode(Files.readAllBytes(file)));
    }

    /**
     * What {@code file} is when it exists but is no regular file ("a named pipe (FIFO)", "a character
     * device", "a directory", ...), following symbolic links; empty for a regular file or a missing one.
     */
    public static Optional<String> otherKind(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty(); // missing, or not a unix file system: the read says what is wrong
        }
        switch (mode & 0170000) {
            case 0100000: return Optional.empty();
            case 0040000: return Optional.of("a directory");
            case 0010000: return Optional.of("a named pipe (FIFO)");
            case 0020000: return Optional.of("a character device");
            case 0060000: return Optional.of("a block device");
            case 0140000: return Optional.of("a socket");
            default: return Optional.of("no regular file");
        }
    }

    @Override
    public List<Entry> list(String dir) throws IOException {
        Path directory = resolve(dir);
        if (!Files.isDirectory(directory)) return List.of();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            children.forEach(p -> entries.add(new Entry(p.getFileName().toString(), Files.isDirectory(p))));
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    // Inventory paths come from the inventory itself (group and host names): refuse any that would
    // climb out of the root rather than trusting them.
    private Path resolve(String path) {
        if (path.startsWith("/") || path.contains("\\")) throw new IllegalArgumentException("not a relative path: " + path);
        for (String segment : path.split("/")) {
            if (segment.equals("..")) throw new IllegalArgumentException("path leaves the inventory root: " + path);
        }
        Path resolved = path.isEmpty() ? root : root.resolve(path).normalize();
        if (!resolved.startsWith(root)) throw new IllegalArgumentException("path leaves the inventory root: " + path);
        return resolved;
    }
}
