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
        FootprintNamespace host = FootprintNamespace.create("early", dir, 200);
        ns = host.ns();
        paths = host.paths();
        ns.ip("route", "add", "10.9.0.0/16", "via", "192.0.2.254", "dev", "d0", "table", "101", "proto", "245");
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
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT, false, true);
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
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), false, true);
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
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT, false, true);
        HostReading reading = HostReader.read(early, paths, both, WAIT, TIMEOUT);
        assertEquals(Set.copyOf(both), reading.observed().tablesRead());
        assertEquals(201, reading.observed().routes().size());
        assertEquals(HostReader.read(LocalTarget.netns(ns.name()), paths, both, WAIT, TIMEOUT).digest(), reading.digest());
    }

    @Test
    void aFootprintThatChangedBeforeTheScriptReadItIsNotTrusted() throws Exception {
        // the footprint file named 100 and 101 when the read started; the script found only 100
        List<TableId> both = List.of(TableId.of(100), TableId.of(101));
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.copyOf(both), false, true);
        HostReading reading = HostReader.read(early, paths, both, WAIT, TIMEOUT);
        assertEquals(2, reads.get(), "the early reading lacked 101: read again");
        assertEquals(Set.copyOf(both), reading.observed().tablesRead());
    }

    @Test
    void aReadWithOtherPathsIsAReadOfItsOwn() throws Exception {
        Files.writeString(dir.resolve("state/tables"), "100\n101\n");
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT, false, true);
        TargetPaths elsewhere = new TargetPaths(paths.etcDir(), dir.resolve("other").toString(), paths.lockFile());
        assertEquals(Set.of(TableId.of(100)), HostReader.read(early, elsewhere, T100, WAIT, TIMEOUT).observed().tablesRead(),
                "read with the other state directory, which has no footprint (the early reading has 100 and 101)");
    }

    @Test
    void aReadWithAnotherWaitIsAReadOfItsOwn() throws Exception {
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), false, true);
        ns.ip("route", "add", "10.8.0.0/16", "via", "192.0.2.254", "dev", "d0", "table", "100");
        HostReading reading = HostReader.read(early, paths, T100, WAIT.plusSeconds(1), TIMEOUT);
        assertEquals(201, reading.observed().routes().size(), "read after the route was added");
    }

    @Test
    void aTargetWithoutFootprintOrNotLocalReadsWhenAsked() throws Exception {
        Files.delete(dir.resolve("state/tables"));
        Target local = LocalTarget.netns(ns.name());
        assertSame(local, EarlyRead.start(local, paths, WAIT, TIMEOUT, false, true), "no footprint: nothing to read early");
        Files.writeString(dir.resolve("state/tables"), "100\n");
        Target remote = counted();
        assertSame(remote, EarlyRead.start(remote, paths, WAIT, TIMEOUT, false, true), "only a target whose footprint file is on this machine");
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

    /** The namespace's rules look up 100 and 102 (and the kernel's 253-255), so a wide reading lists those. */
    private void rules() {
        ns.ip("rule", "add", "priority", "1000", "from", "192.0.2.1", "lookup", "100");
        ns.ip("rule", "add", "priority", "1001", "to", "192.0.2.1", "lookup", "102");
        ns.ip("route", "add", "10.7.0.0/16", "via", "192.0.2.254", "dev", "d0", "table", "102");
    }

    private static final List<TableId> KERNEL = List.of(TableId.of(253), TableId.of(254), TableId.of(255));

    @Test
    void aWideEarlyReadIsTheWideReadOfTheDesiredTables() throws Exception {
        rules();
        HostReader.Wide plain = HostReader.readWide(LocalTarget.netns(ns.name()), paths, T100, KERNEL, WAIT, TIMEOUT);
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), true, true);
        // the desired rules' tables are extra tables too: 100 is in the reading, 102 a rule looks up
        List<TableId> extra = List.of(TableId.of(100), TableId.of(102), TableId.of(253), TableId.of(254), TableId.of(255));
        HostReader.Wide taken = HostReader.readWide(early, paths, T100, extra, WAIT, TIMEOUT);
        assertEquals(1, reads.get(), "the plan's read was the early one");
        assertEquals(plain.reading().digest(), taken.reading().digest());
        assertEquals(plain.reading().observed(), taken.reading().observed());
        assertEquals(plain.wide().observed(), taken.wide().observed());
        assertTrue(taken.wide().observed().routes().stream().anyMatch(r -> r.table().equals(TableId.of(102))), "102: a rule looks it up");
        assertEquals(Set.of(100L, 102L, 253L, 254L, 255L),
                taken.wide().observed().tablesRead().stream().map(TableId::id).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aWideReadOfATableNoRuleLooksUpIsAReadOfItsOwn() throws Exception {
        rules();
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), true, true);
        List<TableId> extra = List.of(TableId.of(101), TableId.of(253), TableId.of(254), TableId.of(255));
        HostReader.Wide wide = HostReader.readWide(early, paths, T100, extra, WAIT, TIMEOUT);
        assertEquals(2, reads.get(), "the early reading did not list 101: read again");
        assertTrue(wide.wide().observed().tablesRead().contains(TableId.of(101)));
        assertEquals(HostReader.readWide(LocalTarget.netns(ns.name()), paths, T100, extra, WAIT, TIMEOUT).wide().observed(),
                wide.wide().observed());
    }

    @Test
    void aPlainEarlyReadDoesNotAnswerAWideRead() throws Exception {
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), false, true);
        // no wide part in the early reading: read again (the early read is stopped, if it has not ended)
        HostReader.Wide wide = HostReader.readWide(early, paths, T100, KERNEL, WAIT, TIMEOUT);
        assertTrue(wide.wide().observed().tablesRead().containsAll(KERNEL));
        assertEquals(wide.reading().digest(), HostReader.read(LocalTarget.netns(ns.name()), paths, T100, WAIT, TIMEOUT).digest());
    }

    @Test
    void aWideEarlyReadAnswersAPlainReadWithItsReading() throws Exception {
        Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), true, true);
        HostReading reading = HostReader.read(early, paths, T100, WAIT, TIMEOUT);
        assertEquals(1, reads.get());
        assertEquals(HostReader.read(LocalTarget.netns(ns.name()), paths, T100, WAIT, TIMEOUT).digest(), reading.digest());
    }

    @Test
    void anEarlyReadForAPlanThatIsNotSavedIsNotDigested() throws Exception {
        HostReading digested = HostReader.read(LocalTarget.netns(ns.name()), paths, T100, WAIT, TIMEOUT);
        Target early = EarlyRead.start(LocalTarget.netns(ns.name()), paths, WAIT, TIMEOUT, true, false);
        HostReading reading = HostReader.read(early, paths, T100, WAIT, TIMEOUT);
        assertEquals(HostReading.UNDIGESTED, reading.digest());
        assertFalse(reading.digested(), "nothing may compare it: a later apply reads again");
        assertTrue(digested.digested());
        assertEquals(digested.observed(), reading.observed());
    }

    @Test
    void aHeldLockIsWaitedForOnce() throws Exception {
        try (HeldLock held = HeldLock.hold(Path.of(paths.lockFile()))) {
            Target early = EarlyRead.start(counted(), paths, WAIT, TIMEOUT, Set.of(TableId.of(100)), false, true);
            LockHeldException e = assertThrows(LockHeldException.class, () -> HostReader.read(early, paths, T100, WAIT, TIMEOUT));
            assertEquals(new LockHeldException(early.name(), WAIT).getMessage(), e.getMessage());
            assertEquals(1, reads.get(), "no table list changes a held lock: not read (and waited for) again");
        }
    }

    @Test
    void aCancelledEarlyReadStopsItsProgram() throws Exception {
        try (HeldLock held = HeldLock.hold(Path.of(paths.lockFile()))) {
            EarlyRead early = EarlyRead.start(counted(), paths, Duration.ofSeconds(60), TIMEOUT, Set.of(TableId.of(100)), false, true);
            assertFalse(held.waitingOnceSettled(false).isEmpty(), "the early read is waiting for the lock");
            early.cancel();
            assertEquals(List.of(), held.waitingOnceSettled(true), "stopped with the early read");
        }
    }
}
