package io.routesync.cli;

import io.routesync.apply.LiveExpectations;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.lookup.ExpectationRun;
import io.routesync.render.ExpectationView;
import io.routesync.render.Style;
import io.routesync.run.ExpectationTests;
import io.routesync.run.FleetLoader;
import io.routesync.run.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code routesync test}: only the expectations. Offline, the desired state is simulated (what validate
 * checks); live, the host's kernel answers every flow with {@code ip route get}. A PASS/FAIL line per
 * flow; CI for routing policy.
 */
@Command(name = "test", sortOptions = false,
        description = {"Check the flows of the state files' expect: sections and print PASS, FAIL or SKIP for each.",
            "Without a host (default), against the desired state alone, simulated offline; flows that reach a table the"
                + " desired state does not hold (main, ...) are skipped. With --live (this host), --netns NAME or -i, the host's"
                + " kernel answers each flow (ip route get, one round trip per host), and an 'unchanged' flow passes when the"
                + " desired state would not move it on the host as it is (as plan checks it). Changes nothing."},
        footer = {"", "Exit codes: 0 every flow passed (or was skipped), 1 a flow failed, 64 bad command line,"
                + " 65 invalid state or inventory, 69 host unreachable. With -i: 1 if any host failed a flow or could not be asked."})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    StateOptions state;

    @Mixin
    RepoOptions repo;

    @Mixin
    TargetOptions target;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--live", description = "Ask this host's kernel (with --netns: the namespace's) instead of simulating the desired state.")
    boolean live;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        fleet.check(inventory);
        Style style = Terminal.style(root.noColor);
        if (inventory) return fleet(out, err, style);
        LoadedState loaded = state.load();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        if (loaded.expectations().isEmpty()) throw new UserError(ExitCodes.USAGE, "the state files have no expect: section: nothing to test");
        List<ExpectationCheck.Result> results;
        if (live || target.netns != null) {
            try {
                results = LiveExpectations.test(Hosts.reconciler(target), loaded, state.ownership(loaded));
            } catch (Exception e) {
                throw Failures.of(e);
            }
        } else {
            results = ExpectationRun.offline(loaded.state(), state.ownership(loaded), loaded.expectations(), loaded.names());
        }
        out.print(ExpectationView.lines(results, style));
        return results.stream().anyMatch(ExpectationCheck.Result::failed) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private int fleet(PrintWriter out, PrintWriter err, Style style) throws Exception {
        FleetLoader.Loaded loaded = InventoryInput.load(state, repo, target, fleet, err);
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        try (Session session = fleet.session(loaded.hosts().stream().anyMatch(h -> !h.local()))) {
            List<ExpectationTests.HostTest> hosts = ExpectationTests.run(session.jobs(loaded.hosts(), target.settings()), fleet.forks());
            out.print(ExpectationView.fleet(hosts, style));
            return hosts.stream().allMatch(ExpectationTests.HostTest::passed) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
