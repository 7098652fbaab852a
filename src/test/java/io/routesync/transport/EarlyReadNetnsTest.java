package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.HostReading;
import io.routesync.model.TableId;
import io.routesync.testing.HeldLock;
import io.routesync.testing.InterceptedTarget;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan's early read ({@link EarlyRead}) gives exactly the reading a read of the desired tables gives, or is not used. */
class EarlyReadNetnsTest {
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<TableId> T100 = List.of(TableId.of(100));

    @TempDir
    Path dir;
    private Netns ns;
    private TargetPaths paths;
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("early");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 200; i++) batch.append("route add 10.0.").append(i).append(".0/24 via 192.0.2.254 dev d0 table 100 proto 245\n");
        batch.append("route add 10.9.0.0/16 via 192.0.2.254 dev d0 table 101 proto 245\n");
        ns.batch(false, batch.toString());
        paths = new TargetPaths(dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.resolve("rs.lock").toString());
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/tables"), "100\n");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /** The namespace, counting the runs of read.sh. */
    private Target counted() throws TransportException {
        return new InterceptedTarget(LocalTarget.netns(ns.name()), (inner, script, args, stdin, timeout) -> {
            if (script.equals(Script.READ.text())) reads.incrementAndGet();
            return inner.run(script, args, stdin, timeout);
        });
    }

    @Test
    void theEarlyReadingIsTheReadingOfTheDesiredTables() throws Exception {
        HostReading plain = HostReader.read(LocalTarget.netns(ns.name()), paths, T100, WAIT, TIMEOUT);
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT);
        assertInstanceOf(EarlyRead.class, early, "a namespace with a footprint reads early");
        HostReading taken = HostReader.read(early, paths, T100, WAIT, TIMEOUT);
        // the digest is of the whole reading's text: the same text, not just the same routes
        assertEquals(plain.digest(), taken.digest());
        assertEquals(plain.observed(), taken.observed());
        assertEquals(plain.managedProtocolNames(), taken.managedProtocolNames());
        assertEquals(200, taken.observed().routes().size());
    }

    @Test
    void theEarlyReadingIsTakenOnceThenTheTargetReadsAsBefore() throws Exception {
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)));
        HostReading first = HostReader.read(early, paths, T100, WAIT, TIMEOUT);
        assertEquals(1, reads.get(), "the plan's read was the early one");
        ns.ip("route", "add", "10.8.0.0/16", "via", "192.0.2.254", "dev", "d0", "table", "100");
        HostReading second = HostReader.read(early, paths, T100, WAIT, TIMEOUT);
        assertEquals(2, reads.get(), "a later read of the run reads again");
        assertEquals(first.observed().routes().size() + 1, second.observed().routes().size());
    }

    @Test
    void tablesTheFootprintLacksAreReadAsBefore() throws Exception {
        List<TableId> both = List.of(TableId.of(100), TableId.of(101));
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT);
        HostReading reading = HostReader.read(early, paths, both, WAIT, TIMEOUT);
        assertEquals(Set.copyOf(both), reading.observed().tablesRead());
        assertEquals(201, reading.observed().routes().size());
        assertEquals(HostReader.read(LocalTarget.netns(ns.name()), paths, both, WAIT, TIMEOUT).digest(), reading.digest());
    }

    @Test
    void aFootprintThatChangedBeforeTheScriptReadItIsNotTrusted() throws Exception {
        // the footprint file named 100 and 101 when the read started; the script found only 100
        List<TableId> both = List.of(TableId.of(100), TableId.of(101));
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.copyOf(both));
        HostReading reading = HostReader.read(early, paths, both, WAIT, TIMEOUT);
        assertEquals(2, reads.get(), "the early reading lacked 101: read again");
        assertEquals(Set.copyOf(both), reading.observed().tablesRead());
    }

    @Test
    void aReadWithOtherPathsIsAReadOfItsOwn() throws Exception {
        Files.writeString(dir.resolve("state/tables"), "100\n101\n");
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT);
        TargetPaths elsewhere = new TargetPaths(paths.etcDir(), dir.resolve("other").toString(), paths.lockFile());
        assertEquals(Set.of(TableId.of(100)), HostReader.read(early, elsewhere, T100, WAIT, TIMEOUT).observed().tablesRead(),
                "read with the other state directory, which has no footprint (the early reading has 100 and 101)");
    }

    @Test
    void aReadWithAnotherWaitIsAReadOfItsOwn() throws Exception {
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)));
        ns.ip("route", "add", "10.8.0.0/16", "via", "192.0.2.254", "dev", "d0", "table", "100");
        HostReading reading = HostReader.read(early, paths, T100, WAIT.plusSeconds(1), TIMEOUT);
        assertEquals(201, reading.observed().routes().size(), "read after the route was added");
    }

    @Test
    void aTargetWithoutFootprintOrNotLocalReadsWhenAsked() throws Exception {
        Files.delete(dir.resolve("state/tables"));
        Target local = LocalTarget.netns(ns.name());
        assertSame(local, EarlyRead.start(local, paths, WAIT, TIMEOUT), "no footprint: nothing to read early");
        Files.writeString(dir.resolve("state/tables"), "100\n");
        Target remote = counted();
        assertSame(remote, EarlyRead.start(remote, paths, WAIT, TIMEOUT), "only a target whose footprint file is on this machine");
        assertEquals(0, reads.get());
    }

    @Test
    void footprintFilesAreReadAsTheScriptReadsThem() throws Exception {
        Path f = dir.resolve("state/tables");
        Files.writeString(f, "300\n7;rm -rf /\n\n0\n4294967296\n101\n100\n");
        assertEquals(Set.of(TableId.of(100), TableId.of(101), TableId.of(300)), EarlyRead.footprint(f));
        assertEquals(Set.of(), EarlyRead.footprint(dir.resolve("state/none")));
        Files.write(f, new byte[65 * 1024]);
        assertEquals(Set.of(), EarlyRead.footprint(f), "not a footprint: nothing is guessed from it");
    }

    @Test
    void aHeldLockIsWaitedForOnce() throws Exception {
        try (HeldLock held = HeldLock.hold(Path.of(paths.lockFile()))) {
            Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)));
            LockHeldException e = assertThrows(LockHeldException.class, () -> HostReader.read(early, paths, T100, WAIT, TIMEOUT));
            assertEquals(new LockHeldException(early.name(), WAIT).getMessage(), e.getMessage());
            assertEquals(1, reads.get(), "no table list changes a held lock: not read (and waited for) again");
        }
    }

    @Test
    void aCancelledEarlyReadStopsItsProgram() throws Exception {
        try (HeldLock held = HeldLock.hold(Path.of(paths.lockFile()))) {
            EarlyRead early = EarlyRead.start(counted(), paths, Duration.ofSeconds(60), TIMEOUT, Set.of(TableId.of(100)));
            assertFalse(held.waitingOnceSettled(false).isEmpty(), "the early read is waiting for the lock");
            early.cancel();
            assertEquals(List.of(), held.waitingOnceSettled(true), "stopped with the early read");
        }
    }
}
