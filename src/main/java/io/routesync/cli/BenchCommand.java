package io.routesync.cli;

import io.routesync.bench.ApplyBench;
import io.routesync.bench.ClassTraining;
import io.routesync.bench.CoreBench;
import io.routesync.bench.TrainingTarget;
import io.routesync.model.TableId;
import io.routesync.render.SingleHostView;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.Pipeline;
import io.routesync.transport.EarlyRead;
import io.routesync.transport.Target;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code routesync bench}: the benchmarks behind the README's speed figures (hidden from help). */
@Command(name = "bench", hidden = true, description = "Benchmarks: parse and plan speed (core), apply speed (apply, needs root).",
        subcommands = {BenchCommand.Core.class, BenchCommand.Apply.class, BenchCommand.Classes.class})
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

    /** The training run of the class-data archive (src/deb/routesync-archive): touches no host, prints nothing. */
    @Command(name = "classes", description = "Load what runs load (every command's model, a state validated, a plan up to its"
            + " (missing) target, a whole plan of a made-up host, parsing and planning, every class of routesync, picocli and"
            + " Jackson), for the class-data archive's class list. Touches no host.")
    static final class Classes implements Callable<Integer> {
        /** The seed state's shape: flow and plain lines, variables, expectations. */
        static final String STATE = String.join("\n",
                "tables: { uplink2: 102 }",
                "rules:",
                "  - { priority: 1000, from: \"{{ addr }}\", table: uplink2 }",
                "  - { priority: 1001, to: \"{{ addr }}\", table: uplink2 }",
                "routes:",
                "  uplink2:",
                "    - { to: 192.168.2.0/24, dev: eth1, src: \"{{ addr }}\", scope: link }",
                "    - 0.0.0.0/0 via 192.168.2.1 dev eth1",
                "expect:",
                "  - { from: \"{{ addr }}\", to: 203.0.113.5, via: 192.168.2.1, dev: eth1, table: uplink2 }",
                "  - { to: 203.0.113.5, unchanged: true }",
                "");
        private static final String VAR = "addr=192.168.2.10";

        @Override
        public Integer call() throws Exception {
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            Main.run(none, none, "--help");
            Path dir = Files.createTempDirectory("routesync-classes-");
            try {
                Path state = Files.writeString(dir.resolve("state.yml"), STATE);
                Main.run(none, none, "validate", "-f", state.toString(), "--var", VAR);
                // the plan command up to its target, which is refused (exit 69: no such namespace) before
                // anything runs on it; the paths it would use are in this directory all the same
                Main.run(none, none, concat(planArgs(state, dir), "--netns", "routesync-training-" + ProcessHandle.current().pid()));
                try {
                    trainingPlan(none, planArgs(state, dir));
                } catch (Exception e) {
                    // training: what ran until here is what the archive gets (BenchClassesTest keeps it whole)
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
                }
            }
            CoreBench.run(List.of(1000), 10, none);
            ClassTraining.loadAll();
            return ExitCodes.OK;
        }

        /**
         * The whole plan a user's {@code plan} runs, against {@link TrainingTarget} (a real program run that
         * prints a made-up reading of a host with the state: nothing on this host is read), read early.
         */
        static HostRun trainingPlan(PrintWriter out, String... args) throws Exception {
            PlanCommand plan = (PlanCommand) DirectRun.parse(Screen.NONE, args).command();
            // read early with the wide part, as a plan of a state with expectations reads a namespace with a footprint
            Target host = EarlyRead.start(new TrainingTarget(), plan.target.paths(), plan.target.lockWait(), plan.target.runTimeout(),
                    Set.of(TableId.of(102)), true, false);
            HostJob job = new HostJob(SingleHost.spec(plan.state, plan.target, out), host, plan.target.settings(), Clock.systemUTC());
            return SingleHost.result(Pipeline.plan(List.of(job), 1, new SingleHostView(out, out, Terminal.style(false), true)));
        }

        /** A plan of the training state ({@code state}, written to {@code dir}) with every path in {@code dir}. */
        static String[] planArgs(Path state, Path dir) {
            return new String[] {"plan", "-f", state.toString(), "--var", VAR, "--etc-dir", dir.resolve("iproute2").toString(),
                "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.resolve("lock").toString(), "--timeout", "10"};
        }

        private static String[] concat(String[] a, String... b) {
            String[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
