package io.routesync.transport;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A namespace whose table 100 holds {@code routes} routes (10.0.I.0/24 via 192.0.2.254 dev d0, proto
 * 245), with routesync's paths in a test directory whose footprint names table 100: the host a run that
 * starts before the state has loaded ({@link EarlyRead}, {@link EarlySession}) reads.
 */
record FootprintNamespace(Netns ns, TargetPaths paths) implements AutoCloseable {

    static FootprintNamespace create(String name, Path dir, int routes) throws Exception {
        KernelAccess.require();
        Netns ns = Netns.create(name);
        try {
            ns.vethPair("d0", "d0p");
            ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < routes; i++) {
                batch.append("route add 10.0.").append(i).append(".0/24 via 192.0.2.254 dev d0 table 100 proto 245\n");
            }
            ns.batch(false, batch.toString());
            Files.createDirectories(dir.resolve("state"));
            Files.writeString(dir.resolve("state/tables"), "100\n");
            return new FootprintNamespace(ns, new TargetPaths(dir.resolve("etc").toString(), dir.resolve("state").toString(),
                    dir.resolve("rs.lock").toString()));
        } catch (Exception | Error e) {
            ns.close();
            throw e;
        }
    }

    @Override
    public void close() {
        ns.close();
    }
}
