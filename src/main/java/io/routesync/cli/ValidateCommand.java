package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        if (inventory) return validateFleet(out, err);
        LoadedState loaded = state.load();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        out.print(ValidateView.single(loaded.state(), loaded.warnings().size()));
        return ExitCodes.OK;
    }

    private int validateFleet(PrintWriter out, PrintWriter err) throws Exception {
        FleetLoader.Loaded loaded = InventoryInput.load(state, repo, null, null, err);
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        List<ValidateView.Host> hosts = new ArrayList<>();
        for (HostSpec h : loaded.hosts()) hosts.add(new ValidateView.Host(h.name(), h.loaded().state(), h.local()));
        out.print(ValidateView.fleet(hosts, loaded.warnings().size()));
        return ExitCodes.OK;
    }
}
