package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.lookup.ExpectationRun;
import io.routesync.render.ExpectationView;
import io.routesync.render.ValidateView;
import io.routesync.run.FleetLoader;
import io.routesync.run.HostSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code routesync validate}: checks the desired state offline (schema, variables, conflicts). */
@Command(name = "validate", sortOptions = false,
        description = {"Check desired-state files offline: syntax, keys, values, variables and conflicts. Touches no host.",
            "With -i, every selected host's assembled state (its routesync_states with its variables, and its connection"
                + " and path settings) is checked, and the errors of all hosts are reported together."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StateOptions state;

    @Mixin
    RepoOptions repo;

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, writing to {@code out} and {@code err}; {@link DirectRun} calls it without picocli's model. */
    int run(PrintWriter out, PrintWriter err) throws Exception {
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        if (inventory) return validateFleet(out, err);
        LoadedState loaded = state.load();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        List<ExpectationCheck.Result> met = ExpectationRun.offline(loaded.state(), state.ownership(loaded), loaded.expectations(), loaded.names());
        String failed = ExpectationView.failures(met, "by the desired state");
        if (!failed.isEmpty()) {
            err.print(failed);
            return ExitCodes.DATA;
        }
        out.print(ValidateView.single(loaded.state(), loaded.warnings().size()));
        out.print(ExpectationView.summary(met));
        return ExitCodes.OK;
    }

    private int validateFleet(PrintWriter out, PrintWriter err) throws Exception {
        FleetLoader.Loaded loaded = InventoryInput.load(state, repo, null, null, err);
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        List<ValidateView.Host> hosts = new ArrayList<>();
        StringBuilder failed = new StringBuilder();
        for (HostSpec h : loaded.hosts()) {
            hosts.add(new ValidateView.Host(h.name(), h.loaded().state(), h.local()));
            List<ExpectationCheck.Result> met = ExpectationRun.offline(h.loaded().state(), h.ownership(), h.loaded().expectations(),
                    h.loaded().names());
            failed.append(ExpectationView.failures(met, "by " + h.name() + "'s desired state"));
        }
        if (failed.length() > 0) {
            err.print(failed);
            return ExitCodes.DATA;
        }
        out.print(ValidateView.fleet(hosts, loaded.warnings().size()));
        return ExitCodes.OK;
    }
}
