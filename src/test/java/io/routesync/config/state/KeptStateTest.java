package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.model.DesiredState;
import io.routesync.model.TableId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kept desired state is a plain state file that reads back as exactly the state it was made from. */
class KeptStateTest {
    private static DesiredState load(String text, Map<String, String> vars) throws Exception {
        return StateLoader.load(List.of(new SourceFile("s.yml", text)), Variables.commandLine(vars), 245).state();
    }

    @Test
    void theSeedStateWithVariablesReadsBackExactly() throws Exception {
        DesiredState seed = load(Files.readString(Path.of("states/dual-uplink.yml")),
                Map.of("uplink2_addr", "192.168.2.10", "uplink2_net", "192.168.2.0/24", "uplink2_gw", "192.168.2.1"));
        String kept = KeptState.text(seed, 245);
        assertNotNull(kept);
        assertTrue(!kept.contains("{{"), kept);
        assertEquals(seed, KeptState.read("desired.yaml", kept, 245).state(), kept);
    }

    @Test
    void uplinksIPv6AndOtherProtocolsReadBackExactly() throws Exception {
        DesiredState d = load("tables:\n  up: 110\n  v6: 111\n"
                + "rules:\n  - { priority: 900, fwmark: 0x10/0xff, table: up }\n  - { family: inet6, priority: 901, table: v6 }\n"
                + "  - \"pref 902 from 10.1.0.0/16 lookup main proto static\"\n"
                + "routes:\n  up:\n    - \"10.0.0.0/8 via 192.168.3.1 dev eth3 metric 5\"\n    - \"blackhole 10.99.0.0/16\"\n"
                + "  v6:\n    - \"default via fe80::1 dev eth3\"\n    - \"2001:db8::/32 dev eth3 proto static\"\n"
                + "  main:\n    - \"10.200.0.0/16 dev eth3 scope link\"\n", Map.of());
        String kept = KeptState.text(d, 245);
        assertNotNull(kept);
        assertEquals(d, KeptState.read("desired.yaml", kept, 245).state(), kept);
    }

    @Test
    void probesRouteProbesAndExpectationsAreKeptAndReadBack() throws Exception {
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("s.yml", "tables: { uplink2: 102 }\n"
                + "routes:\n  uplink2:\n    - \"default via 192.168.2.1 dev eth1\"\n"
                + "probes:\n  - { ping: 192.168.2.1, from: 192.168.2.10, timeout: 3 }\n  - { ping: \"2001:db8::1\", dev: eth1 }\n"
                + "  - { tcp: 10.0.0.5, port: 443, from: 192.168.2.10 }\n"
                + "  - { route: { from: 192.168.2.10, to: 203.0.113.5, fwmark: 0x2 }, via: 192.168.2.1, dev: eth1, table: uplink2 }\n"
                + "expect:\n  - { from: 10.8.0.1, to: 10.99.1.1, iif: wg0, ipproto: tcp, dport: 443, tos: 0x10, table: 102 }\n"
                + "  - { to: \"2001:db8:5::7\", uid: 1000, type: blackhole }\n  - { to: 203.0.113.5, unchanged: true }\n")),
                Variables.commandLine(Map.of()), 245);
        assertEquals(4, loaded.probes().size() + loaded.routeProbes().size());
        String kept = KeptState.text(loaded.state(), 245, KeptChecks.of(loaded));
        assertNotNull(kept);
        assertTrue(kept.contains("  - { route: { to: \"203.0.113.5\", from: \"192.168.2.10\", fwmark: \"0x2\" }, via: \"192.168.2.1\","
                + " dev: \"eth1\", table: \"uplink2\" }\n"), kept);
        LoadedState back = KeptState.read("desired.yaml", kept, 245);
        assertEquals(loaded.state(), back.state(), kept);
        assertEquals(loaded.probes(), back.probes(), kept);
        assertTrue(KeptChecks.of(loaded).sameAs(back), kept);
        assertEquals(loaded.expectations().get(0).flow(), back.expectations().get(0).flow());
        assertEquals("uplink2", back.expectations().get(0).tableText(), "a declared table keeps its name");
        assertEquals(2, back.expectations().size(), "'unchanged' compares with the host at plan time: not kept");
        assertTrue(back.expectations().stream().noneMatch(io.routesync.lookup.Expectation::unchanged), kept);
    }

    @Test
    void checksThatWouldNotReadBackAreLeftOutNotTheState() throws Exception {
        DesiredState d = load("tables: { up: 110 }\nroutes:\n  up:\n    - \"default via 192.168.3.1 dev eth3\"\n", Map.of());
        // an outcome a state file cannot spell (a plan file's pinned live answer may be anycast)
        io.routesync.lookup.Expectation odd = new io.routesync.lookup.Expectation("p", new io.routesync.lookup.Flow.Builder()
                .set("to", "10.0.0.1").build(), null, null, null, null, "anycast", false);
        String kept = KeptState.text(d, 245, new KeptChecks(List.of(), List.of(odd), List.of()));
        assertEquals(KeptState.text(d, 245), kept);
    }

    @Test
    void aStateThatWouldNotReadBackIsNotKept() {
        // an owned table without a name (as an uplink may make) cannot be written as owned: nothing is kept
        DesiredState unnamed = new DesiredState(List.of(), java.util.Set.of(TableId.of(120)), List.of(), List.of());
        assertNull(KeptState.text(unnamed, 245));
    }
}
