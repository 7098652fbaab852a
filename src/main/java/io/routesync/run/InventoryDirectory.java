package io.routesync.run;

import io.routesync.config.InvalidInputException;
import io.routesync.config.inventory.DirectorySource;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.inventory.InventoryReader;
import java.nio.file.Path;

/**
 * An inventory file on disk and the tree it is read from: the directory above the inventory's, so
 * that states/ beside inventory/ is inside it while host_vars/NAME cannot climb out of it; files are
 * named relative to the working directory when they are under it.
 */
public record InventoryDirectory(DirectorySource source, String path, SourceNames names) {

    public static InventoryDirectory of(Path inventoryFile) {
        Path file = inventoryFile.toAbsolutePath().normalize();
        Path dir = file.getParent();
        Path root = dir.getParent() != null ? dir.getParent() : dir;
        DirectorySource source = new DirectorySource(root);
        return new InventoryDirectory(source, source.pathOf(file), SourceNames.directory(root, Path.of("")));
    }

    /** The inventory as it is, without selecting or preparing hosts; diagnostics name files as the user knows them. */
    public Inventory read() throws InvalidInputException {
        try {
            return InventoryReader.read(source, path);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(names.shown(e.diagnostics()));
        }
    }
}
