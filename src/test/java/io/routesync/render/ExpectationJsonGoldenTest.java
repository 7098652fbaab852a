package io.routesync.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.apply.ApplyReport;
import io.routesync.apply.BatchFailure;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.lookup.Answer;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.lookup.ExpectationRun;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Priority;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.plan.Planner;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.transport.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code expect:} flows in {@code --json} against golden files (src/test/resources/render/
 * expectations-*.json): plan's simulated live and desired answers, apply's kernel answers (a pass, an
 * unchanged flow pinned to its live answer and failed, a refusal, an answer that cannot be read), and a
 * host without flows whose document has no {@code expectations} key. Regenerate with
 * {@code -Dgolden.update=true} and review the diff.
 */
class ExpectationJsonGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/render");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LoadedState loaded() throws Exception {
        String yaml = Files.readString(DIR.resolve("expectations.yml"));
        return StateLoader.load(List.of(new SourceFile("edge1.yml", yaml)), Variables.none(), Ownership.DEFAULT_PROTOCOL_TAG);
    }

    /** A host with the kernel's rules, its two addresses, and a default route in main via the first uplink. */
    private static Observed live() throws Exception {
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.builder(Family.INET).priority(Priority.of(0)).lookup(TableId.LOCAL).protocol(Rule.PROTOCOL_KERNEL).build());
        rules.add(Rule.builder(Family.INET).priority(Priority.of(32766)).lookup(TableId.MAIN).protocol(Rule.PROTOCOL_KERNEL).build());
        rules.add(Rule.builder(Family.INET).priority(Priority.of(32767)).lookup(TableId.DEFAULT).protocol(Rule.PROTOCOL_KERNEL).build());
        return new Observed(rules, List.of(route(TableId.MAIN, "default via 192.168.1.1 dev eth0 proto 4"),
                route(TableId.LOCAL, "local 192.168.1.10 dev eth0 proto kernel scope host"),
                route(TableId.LOCAL, "local 192.168.2.10 dev eth1 proto kernel scope host")),
                Set.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT, TableId.of(102)), List.of(), List.of(), Map.of());
    }

    private static io.routesync.model.Route route(TableId table, String text) throws Exception {
        return RouteGrammar.parseAdd(Arrays.asList(text.split(" ")), null, table, Names.builtin(), 4);
    }

    private static HostPlan plan(LoadedState loaded, Observed live) throws Exception {
        return Planner.plan(loaded.state(), live, new Ownership(loaded.state().ownedTables(), Ownership.DEFAULT_PROTOCOL_TAG));
    }

    private static void golden(String name, String actual) throws Exception {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual);
        assertEquals(Files.readString(file), actual, name);
    }

    @Test
    void planJsonShowsEachFlowLiveAndUnderThePlan() throws Exception {
        LoadedState loaded = loaded();
        Observed live = live();
        HostPlan plan = plan(loaded, live);
        List<ExpectationRun.Compared> compared = ExpectationRun.compare(live, plan, loaded.expectations(), loaded.names());
        golden("expectations-plan.json", JsonPlanRenderer.render(List.of(
                new JsonPlanRenderer.HostEntry("edge1", plan, loaded.names(), compared),
                new JsonPlanRenderer.HostEntry("edge2", plan, loaded.names()))));
        // without flows a host's document is what it always was
        var edge2 = JSON.readTree(JsonPlanRenderer.render(List.of(new JsonPlanRenderer.HostEntry("edge2", plan, loaded.names()))))
                .get("hosts").get(0);
        assertEquals(List.of("host", "fingerprint", "changes", "summary"), iterable(edge2.fieldNames()));
    }

    @Test
    void applyJsonShowsTheKernelsAnswers() throws Exception {
        LoadedState loaded = loaded();
        Observed live = live();
        HostPlan plan = plan(loaded, live);
        List<Expectation> pinned = ExpectationRun.pinned(ExpectationRun.compare(live, plan, loaded.expectations(), loaded.names()));
        assertEquals(5, pinned.size(), "the unchanged flow pinned to its live answer");
        String kernel = "the kernel (ip route get)";
        List<ExpectationCheck.Result> answered = List.of(
                ExpectationCheck.check(pinned.get(0), Answer.parse("unicast 203.0.113.5 from 192.168.2.10 via 192.168.2.1 dev eth1 table 102"
                        + " uid 0 \n    cache \n", 0), kernel),
                // someone routed 203.0.113.0/24 via the second uplink in main: the pinned answer no longer holds
                ExpectationCheck.check(pinned.get(1), Answer.parse("unicast 203.0.113.5 via 192.168.2.1 dev eth1 table 254 src 192.168.2.10"
                        + " uid 0 \n", 0), kernel),
                ExpectationCheck.check(pinned.get(2), Answer.parse("RTNETLINK answers: Invalid argument\n", 2), kernel),
                new ExpectationCheck.Result(pinned.get(3), ExpectationCheck.Status.FAIL, null,
                        "the kernel's answer cannot be read: Error: inet address is expected rather than \"x\"."),
                ExpectationCheck.check(pinned.get(4), Answer.parse("unicast 10.20.1.1 via 192.168.2.2 dev eth1 table 102 uid 0 \n", 0), kernel));
        HostSpec spec = HostSpec.of("edge1", null, TargetPaths.of(null, null, null, null), loaded, Ownership.DEFAULT_PROTOCOL_TAG,
                List.of(), Variables.none(), null, "t");
        BatchFailure why = new BatchFailure(null, 0, null, "after the batch the entries were as desired, but 2 expectations were not met"
                + " on the host:\n  ...", 0);
        ApplyReport report = ApplyReport.rolledBack(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, plan, null, why, plan, null)
                .withExpectations(answered);
        HostRun run = new HostRun(spec, null, plan, report, List.of(), null);
        golden("expectations-apply.json", FleetJsonRenderer.render("apply", List.of(run)));
        assertFalse(JSON.readTree(FleetJsonRenderer.render("apply", List.of(new HostRun(spec, null, plan,
                ApplyReport.applied(plan, null, null, -1, List.of()), List.of(), null)))).get("hosts").get(0).has("expectations"),
                "the kernel was not asked: no key");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
