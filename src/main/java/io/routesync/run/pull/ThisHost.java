package io.routesync.run.pull;

import io.routesync.config.InvalidInputException;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Inventory;
import io.routesync.git.CommitInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which inventory host a pull run is for: {@code --host}, else this machine's hostname as the kernel
 * has it (no DNS lookup), trying the short name when the inventory lists hosts by short names.
 */
final class ThisHost {
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private ThisHost() {
    }

    static Host find(Inventory inventory, Optional<String> given) throws InvalidInputException {
        if (given.isPresent()) return CommitInputs.host(inventory, given.get());
        String name = hostname();
        Optional<Host> exact = inventory.host(name);
        if (exact.isPresent()) return exact.get();
        int dot = name.indexOf('.');
        if (dot > 0) {
            Optional<Host> shortName = inventory.host(name.substring(0, dot));
            if (shortName.isPresent()) return shortName.get();
        }
        return CommitInputs.host(inventory, name);
    }

    static String hostname() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).strip();
            if (!name.isEmpty()) return name;
        } catch (IOException e) {
            // not Linux, or /proc not mounted: fall back below
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env.strip();
    }
}
