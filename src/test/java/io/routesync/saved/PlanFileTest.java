package io.routesync.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.Flow;
import io.routesync.model.Action;
import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Probe;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.plan.Planner;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan file: written and read back exactly; refused when it is edited, foreign or from another version. */
class PlanFileTest {
    private static final String VERSION = "1.2.3";

    static Rule rule(Family f, String text) throws Exception {
        return RuleGrammar.parseAdd(Arrays.asList(text.split(" ")), f, Names.builtin(), 245);
    }

    static Route route(long table, String text) throws Exception {
        return RouteGrammar.parseAdd(Arrays.asList(text.split(" ")), null, TableId.of(table), Names.builtin(), 245);
    }

    /** A plan with every kind of change: table names, route adds, a replace, deletes, rules of both families. */
    static SavedPlan samplePlan() throws Exception {
        DesiredState desired = new DesiredState(List.of(new TableName("uplink2", TableId.of(102))), Set.of(TableId.of(102)),
                List.of(rule(Family.INET, "pref 1000 from 198.51.100.10 lookup 102"),
                        rule(Family.INET, "pref 1001 not fwmark 0x2/0xff iif eth1 uidrange 1000-2000 ipproto tcp dport 443 lookup 102 suppress_prefixlength 0"),
                        rule(Family.INET6, "pref 1002 goto 1100"), rule(Family.INET6, "from 2001:db8::/32 prohibit")),
                List.of(route(102, "default via 198.51.100.1 dev eth1"),
                        route(102, "10.20.0.0/16 nexthop via 198.51.100.1 dev eth1 weight 2 nexthop via 198.51.100.2 dev eth1 weight 1"),
                        route(102, "2001:db8:1::/48 from 2001:db8:2::/48 via 2001:db8::1 dev eth1 metric 10 mtu lock 1400"),
                        route(102, "unreachable 10.30.0.0/16 metric 5")));
        Observed observed = new Observed(List.of(rule(Family.INET, "pref 1003 lookup 102")),
                List.of(route(102, "default via 198.51.100.99 dev eth1"), route(102, "10.99.0.0/16 dev eth1")),
                Set.of(TableId.of(102)), List.of(), List.of(), Map.of());
        HostPlan plan = Planner.plan(desired, observed, new Ownership(desired.ownedTables(), 245));
        assertTrue(plan.count(Action.REPLACE) == 1 && plan.count(Action.DELETE) >= 2 && plan.count(Action.ADD) >= 5, plan::toString);
        SavedHost host = new SavedHost("edge1", SavedTarget.ssh("192.0.2.7", 2222, "root", "/keys/id", List.of("-o", "ProxyJump=bastion"),
                "/etc/iproute2", "/var/lib/routesync", "/run/lock/routesync.lock"), 245, "abc123", desired, plan);
        SavedHost ns = new SavedHost("netns blue", SavedTarget.netns("blue", "/tmp/etc", "/tmp/st", "/tmp/l.lock"), 245, null,
                DesiredState.empty(), new HostPlan(List.of(), "f00").forNetns("blue"));
        return new SavedPlan(VERSION, "2024-06-11T10:00:00Z", "d1g35t", null, List.of(host, ns));
    }

    @Test
    void readsBackExactlyWhatWasWritten() throws Exception {
        SavedPlan plan = samplePlan();
        String text = PlanFileWriter.write(plan);
        assertEquals(plan, PlanFileReader.read(text, VERSION));
        assertTrue(text.contains("\"format\" : \"routesync-plan\""), text);
        assertTrue(text.contains("\"route\" : \"default via 198.51.100.1 dev eth1 proto 245 scope 0 metric 0\""), text);
    }

    @Test
    void aHostsHealthProbesAreSavedAndReadBack() throws Exception {
        SavedPlan plain = samplePlan();
        SavedHost h = plain.hosts().get(0);
        List<Probe> probes = List.of(
                new Probe(Probe.Kind.PING, IpAddress.parse("198.51.100.1"), 0, IpAddress.parse("198.51.100.10"), null, 3),
                new Probe(Probe.Kind.PING, IpAddress.parse("2001:db8::1"), 0, null, Interface.of("eth1"), 5),
                new Probe(Probe.Kind.TCP, IpAddress.parse("192.0.2.80"), 443, null, null, 5));
        SavedPlan plan = new SavedPlan(VERSION, plain.created(), plain.inputsDigest(), null, List.of(new SavedHost(h.name(), h.target(),
                h.protocolTag(), h.readingDigest(), h.desired(), h.plan(), probes), plain.hosts().get(1)));
        String text = PlanFileWriter.write(plan);
        assertEquals(plan, PlanFileReader.read(text, VERSION));
        assertTrue(text.contains("\"probes\" : [ {\n        \"ping\" : \"198.51.100.1\",\n        \"from\" : \"198.51.100.10\",\n"), text);
        assertEquals(1, text.split("\"probes\"", -1).length - 1, "a host without probes has no probes key");
        PlanFileException e = assertThrows(PlanFileException.class,
                () -> PlanFileReader.read(text.replace("\"192.0.2.80\"", "\"192.0.2.81\""), VERSION));
        assertTrue(e.getMessage().startsWith("the plan file was changed after it was written"), "the probes are part of the digest");
    }

    /** A plan whose first host carries three expectations: every selector, a name for a table, main by number. */
    static SavedPlan planWithExpectations() throws Exception {
        SavedPlan plain = samplePlan();
        SavedHost h = plain.hosts().get(0);
        Flow replies = new Flow.Builder().set("from", "198.51.100.10").set("to", "203.0.113.5").build();
        Flow every = new Flow.Builder().set("to", "10.8.1.1").set("from", "10.9.0.1").set("iif", "wg0").set("oif", "eth1")
                .set("fwmark", "0x2").set("ipproto", "tcp").set("sport", "1000").set("dport", "443").set("tos", "0x10").build();
        Flow user = new Flow.Builder().set("to", "2001:db8:1::5").set("uid", "1000").build();
        List<Expectation> expect = List.of(
                new Expectation("edge1.yml:20:5", replies, IpAddress.parse("198.51.100.1"), Interface.of("eth1"), TableId.of(102), "uplink2",
                        null, false),
                new Expectation("edge1.yml:21:5", every, null, null, null, null, "blackhole", false),
                // as an unchanged flow is saved when its live route is an anycast one
                new Expectation("edge1.yml:22:5", user, null, Interface.of("eth0"), TableId.of(254), "main", "anycast", false));
        return new SavedPlan(VERSION, plain.created(), plain.inputsDigest(), null, List.of(new SavedHost(h.name(), h.target(),
                h.protocolTag(), h.readingDigest(), h.desired(), h.plan(), List.of(), expect), plain.hosts().get(1)));
    }

    @Test
    void aHostsRouteProbesAreSavedReadBackAndCoveredByTheDigest() throws Exception {
        SavedPlan plain = samplePlan();
        SavedHost h = plain.hosts().get(0);
        Flow replies = new Flow.Builder().set("from", "198.51.100.10").set("to", "203.0.113.5").build();
        List<Expectation> routes = List.of(new Expectation("edge1.yml:30:5", replies, IpAddress.parse("198.51.100.1"), Interface.of("eth1"),
                TableId.of(102), "uplink2", null, false));
        SavedPlan plan = new SavedPlan(VERSION, plain.created(), plain.inputsDigest(), null, List.of(new SavedHost(h.name(), h.target(),
                h.protocolTag(), h.readingDigest(), h.desired(), h.plan(), List.of(), List.of(), routes), plain.hosts().get(1)));
        String text = PlanFileWriter.write(plan);
        assertEquals(plan, PlanFileReader.read(text, VERSION));
        assertEquals(routes, PlanFileReader.read(text, VERSION).hosts().get(0).routeProbes());
        assertTrue(text.contains("\"route_probes\" : [ {\n        \"place\" : \"edge1.yml:30:5\""), text);
        assertTrue(PlanFileWriter.write(samplePlan()).indexOf("\"route_probes\"") < 0, "a plan without route probes is written as before");
        PlanFileException e = assertThrows(PlanFileException.class,
                () -> PlanFileReader.read(text.replace("\"198.51.100.1\"", "\"198.51.100.2\""), VERSION));
        assertTrue(e.getMessage().startsWith("the plan file was changed after it was written"), "route probes are part of the digest");
    }

    @Test
    void aHostsExpectationsAreSavedAndReadBackExactly() throws Exception {
        SavedPlan plan = planWithExpectations();
        String text = PlanFileWriter.write(plan);
        assertEquals(plan, PlanFileReader.read(text, VERSION));
        assertTrue(text.contains("\"expect\" : [ {\n        \"place\" : \"edge1.yml:20:5\",\n        \"flow\" : {\n"
                + "          \"to\" : \"203.0.113.5\",\n          \"from\" : \"198.51.100.10\"\n        },\n"
                + "        \"via\" : \"198.51.100.1\",\n        \"dev\" : \"eth1\",\n        \"table\" : 102\n      }"), text);
        assertEquals(1, text.split("\"expect\"", -1).length - 1, "a host without expectations has no expect key");
        assertTrue(PlanFileWriter.write(samplePlan()).indexOf("\"expect\"") < 0, "a plan without flows is written as before");
    }

    @Test
    void anEditedFlowOrOutcomeIsRefused() throws Exception {
        String text = PlanFileWriter.write(planWithExpectations());
        for (String[] edit : List.of(new String[] {"\"to\" : \"203.0.113.5\"", "\"to\" : \"203.0.113.6\""},
                new String[] {"\"dport\" : \"443\"", "\"dport\" : \"444\""},
                new String[] {"\"type\" : \"blackhole\"", "\"type\" : \"unicast\""},
                new String[] {"\"table\" : 102\n      }", "\"table\" : 100\n      }"})) {
            assertTrue(text.contains(edit[0]), edit[0]);
            PlanFileException e = assertThrows(PlanFileException.class, () -> PlanFileReader.read(text.replace(edit[0], edit[1]), VERSION));
            assertTrue(e.getMessage().startsWith("the plan file was changed after it was written"), e.getMessage());
        }
    }

    @Test
    void aSavedExpectationIsHeldToTheFlowGrammarEvenWithAValidDigest() throws Exception {
        String text = PlanFileWriter.write(planWithExpectations());
        String[][] cases = {
            {"\"from\" : \"198.51.100.10\"", "\"cmd\" : \"198.51.100.10\"", "hosts[0] (edge1).expect[0].flow: unknown selector 'cmd'"},
            {"\"tos\" : \"0x10\"", "\"tos\" : \"$(reboot)\"", "hosts[0] (edge1).expect[1]: not a valid expectation: tos '$(reboot)'"},
            {"\"type\" : \"blackhole\"", "\"type\" : \"throw\"", "hosts[0] (edge1).expect[1]: unknown type 'throw'"},
            {"\"type\" : \"blackhole\"", "\"run\" : \"blackhole\"", "hosts[0] (edge1).expect[1]: unknown key 'run'"},
            {"\"type\" : \"blackhole\"", "\"place\" : \"x\"", "hosts[0] (edge1).expect[1]"},
        };
        for (String[] c : cases) {
            ObjectNode root = (ObjectNode) new ObjectMapper().readTree(text.replace(c[0], c[1]));
            root.put("sha256", PlanDigest.of(root.get("plan")));
            PlanFileException e = assertThrows(PlanFileException.class, () -> PlanFileReader.read(root.toString(), VERSION), c[1]);
            assertTrue(e.getMessage().startsWith(c[2]), e.getMessage());
        }
    }

    @Test
    void reformattingKeepsItValid() throws Exception {
        String text = PlanFileWriter.write(samplePlan());
        String compact = new ObjectMapper().readTree(text).toString();
        assertEquals(samplePlan(), PlanFileReader.read(compact, VERSION));
    }

    @Test
    void anEditedFileIsRefused() throws Exception {
        String text = PlanFileWriter.write(samplePlan());
        String edited = text.replace("default via 198.51.100.1 dev eth1", "default via 198.51.100.66 dev eth1");
        PlanFileException e = assertThrows(PlanFileException.class, () -> PlanFileReader.read(edited, VERSION));
        assertTrue(e.getMessage().startsWith("the plan file was changed after it was written"), e.getMessage());
        String noDigest = text.replaceAll("\"sha256\" : \"[0-9a-f]+\"", "\"sha256\" : \"\"");
        assertThrows(PlanFileException.class, () -> PlanFileReader.read(noDigest, VERSION));
        String reordered = text.replace("\"add\" : ", "\"add\"  : ");
        assertEquals(samplePlan(), PlanFileReader.read(reordered, VERSION), "whitespace is not an edit");
    }

    @Test
    void aFileOfAnotherFormatOrVersionIsRefused() throws Exception {
        String text = PlanFileWriter.write(samplePlan());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(text);
        root.put("format_version", 2);
        PlanFileException format = assertThrows(PlanFileException.class, () -> PlanFileReader.read(root.toString(), VERSION));
        assertTrue(format.getMessage().contains("format version 2, this routesync reads only version 1"), format.getMessage());
        PlanFileException other = assertThrows(PlanFileException.class, () -> PlanFileReader.read(text, "1.2.4"));
        assertTrue(other.getMessage().contains("made by routesync 1.2.3 and this is routesync 1.2.4"), other.getMessage());
        assertTrue(assertThrows(PlanFileException.class, () -> PlanFileReader.read("{\"hosts\": []}", VERSION))
                .getMessage().startsWith("this is not a routesync plan file"));
        assertTrue(assertThrows(PlanFileException.class, () -> PlanFileReader.read("plan:\n  - x", VERSION))
                .getMessage().contains("not valid JSON"));
    }
}
