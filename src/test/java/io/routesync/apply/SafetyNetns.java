package io.routesync.apply;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Shared setup of the saved-plan and confirm namespace tests: a host namespace, its state, a reconciler. */
final class SafetyNetns {
    static final String STATE = String.join("\n",
            "tables: { uplink2: 102 }",
            "rules:",
            "  - { priority: 1000, from: 198.51.100.10, table: uplink2 }",
            "routes:",
            "  uplink2:",
            "    - \"198.51.100.0/24 dev d1 scope link src 198.51.100.10\"",
            "    - \"default via 198.51.100.1 dev d1\"",
            "");

    private SafetyNetns() {
    }

    static Netns host(String prefix) {
        Netns ns = Netns.create(prefix);
        try {
            // no duplicate address detection: link-local addresses (and their local routes) appear at
            // once instead of a second or two into the test
            for (String conf : List.of("all", "default")) {
                ns.exec("sh", "-c", "echo 0 > /proc/sys/net/ipv6/conf/" + conf + "/accept_dad");
            }
            ns.vethPair("d0", "d0p");
            ns.vethPair("d1", "d1p");
            ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
            ns.ip("address", "add", "198.51.100.10/24", "dev", "d1");
            ns.ip("route", "add", "default", "via", "192.0.2.254", "dev", "d0");
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    static LoadedState load(String yaml) throws Exception {
        return StateLoader.load(List.of(new SourceFile("state.yml", yaml)), Variables.none(), 245);
    }

    static TargetPaths paths(Netns ns, Path dir) {
        return TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
    }

    static Reconciler reconciler(Target target, TargetPaths paths) {
        return new Reconciler(target, paths, new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    static Reconciler reconciler(Netns ns, Path dir) throws Exception {
        return reconciler(LocalTarget.netns(ns.name()), paths(ns, dir));
    }

    /**
     * The namespace's rules and routes, both families, but the IPv6 routes the kernel adds to a new link
     * by itself (at its own time, even without DAD): equal means untouched.
     */
    static String snapshot(Netns ns) {
        return io.routesync.testing.RoutingSnapshot.of(ns);
    }

    static ApplyRecord.Inputs inputs() {
        return new ApplyRecord.Inputs("test", null, "test");
    }
}
