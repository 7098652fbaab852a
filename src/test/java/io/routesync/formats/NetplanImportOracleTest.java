package io.routesync.formats;

import io.routesync.formats.export.ToolOracle;
import static io.routesync.formats.ImportRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netplan itself as the oracle for both readers: {@code netplan generate --root-dir} turns the netplan test
 * file into networkd files, and the networkd importer must read from those exactly the rules and routes the
 * netplan importer read from the YAML (netplan.io must be installed; under CI=true this test fails without it).
 */
class NetplanImportOracleTest {
    @TempDir
    Path root;

    @Test
    void netplansOwnNetworkdFilesImportToTheSameRulesAndRoutesAsTheNetplanFile() throws IOException {
        ToolOracle.require("netplan", "netplan.io");
        String yaml = resource("netplan/01-uplinks.yaml");
        Path etc = Files.createDirectories(root.resolve("etc/netplan"));
        Path file = etc.resolve("01-uplinks.yaml");
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        List<String> generate = List.of("netplan", "generate", "--root-dir", root.toString());
        Shell.run(generate, null).check(generate);

        List<String> networkd = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("run/systemd/network"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".network") || p.toString().endsWith(".netdev")).sorted().toList()) {
                networkd.add(p.toString());
                networkd.add(Files.readString(p));
            }
        }
        ImportRun fromNetplan = ImportRun.of(ImportFormat.NETPLAN, file.toString(), yaml);
        ImportRun fromNetworkd = ImportRun.of(ImportFormat.NETWORKD, networkd.toArray(new String[0]));
        assertEquals(List.of(), fromNetplan.problems());
        assertEquals(List.of(), fromNetworkd.problems(), fromNetworkd::toString);
        assertEquals(11, fromNetplan.entrySet().size(), fromNetplan::toString);
        assertEquals(fromNetplan.entrySet(), fromNetworkd.entrySet());
    }
}
