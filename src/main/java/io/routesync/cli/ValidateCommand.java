package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code routesync validate}: checks the desired state offline (schema, variables, conflicts). */
@Command(name = "validate", sortOptions = false,
        description = "Check desired-state files offline: syntax, keys, values, variables and conflicts. Touches no host.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() throws Exception {
        LoadedState loaded = state.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        out.println("Valid: " + loaded.state().rules().size() + " rules, " + loaded.state().routes().size() + " routes, "
                + loaded.state().ownedTables().size() + " owned tables"
                + (loaded.warnings().isEmpty() ? "." : ", " + loaded.warnings().size() + " warning(s)."));
        return ExitCodes.OK;
    }
}
