package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Interface;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ifupdown for real: each fixture's interfaces export is brought up with {@code ifup -i FILE} (its own
 * state directory, no hook scripts) inside a network namespace whose veth links carry the addresses
 * the gateways and sources need; the kernel must then hold exactly the state's exported rules and
 * routes, protocol included, and after {@code ifdown} none of them. Needs root and network namespaces
 * and ifupdown (fails under CI=true without them).
 */
class InterfacesNetnsTest {
    @Test
    void ifupInstallsExactlyTheStatesEntriesAndIfdownRemovesThem(@TempDir Path tmp) throws Exception {
        KernelAccess.require();
        Path ifup = ToolOracle.require("ifup", "ifupdown");
        Path ifdown = ToolOracle.require("ifdown", "ifupdown");
        int n = 0;
        int checked = 0;
        for (Map.Entry<String, ExportInput> f : ExportFixtures.all().entrySet()) {
            if (f.getKey().endsWith("+fallback") && !f.getKey().contains("everything")) continue;
            ExportInput in = f.getValue();
            InterfaceGroups groups = InterfaceGroups.of(in, "ifupdown", InterfacesWriter.NONE);
            if (groups.interfaces().isEmpty()) continue;
            Path file = tmp.resolve("interfaces" + n);
            Files.writeString(file, InterfacesWriter.write(in).files().get(0).text());
            Path state = Files.createDirectories(tmp.resolve("state" + n++));
            try (Netns ns = Netns.create("ifup")) {
                int peer = 0;
                for (Map.Entry<Interface, TreeSet<String>> link : KernelReadBack.addresses(groups).entrySet()) {
                    ns.vethPair(link.getKey().name(), "peer" + peer++);
                    for (String a : link.getValue()) {
                        if (a.contains(":")) ns.ip("addr", "add", a, "dev", link.getKey().name(), "nodad");
                        else ns.ip("addr", "add", a, "dev", link.getKey().name());
                    }
                }
                List<Interface> order = new ArrayList<>(groups.interfaces());
                for (Interface at : order) ifupdown(ns, ifup, file, state, at, f.getKey());
                List<String> installed = KernelReadBack.installed(ns, true);
                KernelReadBack.assertSame(KernelReadBack.expectedChosen(groups, ns), installed, f.getKey());
                checked += installed.size();
                Collections.reverse(order);
                for (Interface at : order) ifupdown(ns, ifdown, file, state, at, f.getKey());
                assertEquals(List.of(), KernelReadBack.installed(ns, true), f.getKey() + ": after ifdown");
            }
        }
        assertTrue(checked > 40, "checked only " + checked + " entries");
    }

    private static void ifupdown(Netns ns, Path tool, Path file, Path state, Interface at, String fixture) {
        Shell.Result r = ns.exec(tool.toString(), "-i", file.toString(), "--state-dir", state.toString(), "--no-scripts", at.name());
        assertEquals(0, r.exitCode(), fixture + ": " + tool.getFileName() + " " + at + "\n" + r.stdout() + r.stderr());
    }
}
