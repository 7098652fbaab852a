package io.routesync.config.inventory;

import io.routesync.config.SourcePos;

/**
 * One desired-state file a host lists in routesync_states: the name as written, the file's path in
 * the same {@link InventorySource} (for example {@code states/dual-uplink.yml}), and where it was listed.
 */
public record StateRef(String name, String path, SourcePos listedAt) {
}
