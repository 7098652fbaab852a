package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netplan itself as the oracle: {@code netplan generate --root-dir} must accept every exported file
 * (without a word on stderr) and generate networkd files that install exactly the exported routes and
 * rules, on their interfaces, and, with our own networkd export, the same entries but for the route
 * protocol. Fails under CI=true without netplan (Debian package netplan.io).
 */
class NetplanOracleTest {
    @Test
    void netplanGeneratesTheSameRoutesAndRulesForEveryFixture(@TempDir Path tmp) throws Exception {
        Path netplan = ToolOracle.require("netplan", "netplan.io");
        int n = 0;
        for (Map.Entry<String, ExportInput> f : ExportFixtures.all().entrySet()) {
            ExportInput in = f.getValue();
            Exported exported = NetplanWriter.write(in);
            Path root = tmp.resolve("root" + n++);
            Files.createDirectories(root.resolve("etc/netplan"));
            Path file = root.resolve("etc/netplan").resolve(NetplanWriter.FILE);
            Files.writeString(file, exported.files().get(0).text());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Shell.Result r = Shell.run(netplan.toString(), "generate", "--root-dir", root.toString());
            String context = f.getKey() + "\n" + exported.files().get(0).text();
            assertEquals(0, r.exitCode(), context + "\n" + r.stderr());
            assertEquals("", r.stderr(), context);

            List<String> generated = new ArrayList<>();
            for (Path network : networkFiles(root.resolve("run/systemd/network"))) {
                generated.addAll(Installed.of(NetworkdReadBack.read(Files.readString(network))));
            }
            InterfaceGroups groups = InterfaceGroups.of(in, "netplan", new NetplanLimits(in.protocolTag()));
            assertEquals(Installed.expected(groups, NetplanLimits.PROTOCOL_STATIC), generated, context);
            Installed.assertNoneLost(f.getKey(), in, exported, generated.size());
        }
        assertEquals(ExportFixtures.files().size() * 2, n);
    }

    static List<Path> networkFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".network")).sorted().toList();
        }
    }
}
