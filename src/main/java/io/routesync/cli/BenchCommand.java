package io.routesync.cli;

import io.routesync.bench.ApplyBench;
import io.routesync.bench.CoreBench;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code routesync bench}: the benchmarks behind the README's speed figures (hidden from help). */
@Command(name = "bench", hidden = true, description = "Benchmarks: parse and plan speed (core), apply speed (apply, needs root).",
        subcommands = {BenchCommand.Core.class, BenchCommand.Apply.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "core", description = "Parse N-route listings and plan N desired against N observed routes with 1% drift.")
    static final class Core implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000", description = "Route counts (default ${DEFAULT-VALUE}).")
        List<Integer> sizes = new ArrayList<>();

        @Option(names = "--rules", defaultValue = "10000", description = "Rules in every state (default ${DEFAULT-VALUE}).")
        int rules;

        @Override
        public Integer call() throws Exception {
            CoreBench.run(sizes, rules, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    @Command(name = "apply", description = "Converge namespace tables and heal 1% drift, against ip -batch by hand and one ip per change. Needs root.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", split = ",", defaultValue = "10000,100000", description = "Route counts (default ${DEFAULT-VALUE}).")
        List<Integer> sizes = new ArrayList<>();

        @Option(names = "--drift-size", defaultValue = "100000", description = "Table size for the 1% drift case; 0 skips it (default ${DEFAULT-VALUE}).")
        int driftSize;

        @Override
        public Integer call() throws Exception {
            ApplyBench.run(sizes, driftSize, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
