package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.HostReading;
import io.routesync.model.Family;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostReaderNetnsTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Netns ns;
    private TargetPaths paths;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("read");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        ns.ip("-6", "address", "add", "2001:db8::1/64", "dev", "d0", "nodad");
        paths = new TargetPaths(dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.resolve("rs.lock").toString());
        Files.createDirectories(dir.resolve("etc/rt_tables.d"));
        Files.writeString(dir.resolve("etc/rt_tables"), "255 local\n254 main\n253 default\n0 unspec\n200 isp\n");
        // a namespace target owns rt_tables.d/routesync-netns-NAME.conf (the host: routesync.conf)
        Files.writeString(dir.resolve("etc/rt_tables.d/routesync-netns-" + ns.name() + ".conf"), "102 uplink2\n");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private HostReading read(long... tables) throws Exception {
        List<TableId> ids = java.util.Arrays.stream(tables).mapToObj(TableId::of).toList();
        return HostReader.read(LocalTarget.netns(ns.name()), paths, ids, WAIT, TIMEOUT);
    }

    @Test
    void readsRulesRoutesNamesAndMissingTablesAsEmpty() throws Exception {
        ns.ip("rule", "add", "pref", "1000", "from", "192.0.2.1", "table", "102", "protocol", "245");
        ns.ip("-6", "rule", "add", "pref", "1001", "from", "2001:db8::/64", "table", "102");
        ns.ip("route", "add", "default", "via", "192.0.2.254", "dev", "d0", "table", "102", "proto", "245");
        ns.ip("-6", "route", "add", "2001:db8:5::/48", "via", "2001:db8::fe", "dev", "d0", "table", "102");

        HostReading reading = read(102, 103);
        Observed o = reading.observed();
        assertEquals(Set.of(TableId.of(102), TableId.of(103)), o.tablesRead());
        assertEquals(3 + 2 + 2, o.rules().size(), "default rules of both families plus the two added");
        Rule added = o.rules().stream().filter(r -> r.priority() != null && r.priority().value() == 1000).findFirst().orElseThrow();
        assertEquals(245, added.protocol());
        assertEquals(TableId.of(102), added.table());
        assertEquals(2, o.routes().size());
        Route v6 = o.routes().stream().filter(r -> r.family() == Family.INET6).findFirst().orElseThrow();
        assertEquals(1024, v6.metric());
        assertEquals("uplink2", o.managedTableNames().get(0).name());
        assertTrue(o.otherTableNames().stream().anyMatch(t -> t.name().equals("isp") && t.id().id() == 200));
        assertEquals("isp", reading.names().tableName(TableId.of(200)));
    }

    @Test
    void digestIsStableUntilTheHostChanges() throws Exception {
        String first = read(102).digest();
        assertEquals(first, read(102).digest(), "an unchanged host reads the same");
        ns.ip("route", "add", "10.1.0.0/16", "dev", "d0", "table", "102");
        assertNotEquals(first, read(102).digest());
    }

    @Test
    void aHeldLockMakesTheReadWaitThenGiveUp() throws Exception {
        Process holder = new ProcessBuilder("flock", "-x", paths.lockFile(), "sleep", "30").start();
        try {
            // wait until the holder has the lock (flock creates the file first)
            for (int i = 0; i < 100 && !Files.exists(Path.of(paths.lockFile())); i++) Thread.sleep(20);
            Thread.sleep(200);
            assertThrows(LockHeldException.class, () -> read(102));
        } finally {
            // the lock lives on in flock's child too
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
        read(102);
    }

    @Test
    void footprintTablesAreReadToo() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/tables"), "300\n7;rm -rf /\n");
        assertEquals(Set.of(TableId.of(102), TableId.of(300)), read(102).observed().tablesRead());
    }
}
