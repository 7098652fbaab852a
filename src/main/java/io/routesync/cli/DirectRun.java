package io.routesync.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code validate} and {@code plan} on one target without picocli: its model of a command (reflection
 * over the command, its mixins and their options, a proxy class generated for each annotation type
 * read, its type converters made) is about 0.04 s of a 0.2 s plan, more than the host's read. This
 * reads only the plain spellings of their common options ({@code --name value}, each single-valued
 * option once, the values of {@code -f} and {@code --var} repeatable) and declines everything else: help,
 * {@code --debug}, {@code --name=value}, clustered or unknown options, a value that starts with
 * {@code -} or {@code @} (picocli's argument files) or is empty, a number picocli would read otherwise
 * or refuse, a {@code --var} without {@code =} or with quotes, the repository and fleet options. A
 * declined command line goes to picocli as before, so every usage message and help text is still
 * picocli's. {@code DirectRunTest} holds the two together: for every argument list this accepts,
 * picocli sets the same fields, and both print the same.
 */
final class DirectRun {
    private DirectRun() {
    }

    /** A command this reads: its object (for tests) and how it runs. */
    record Parsed(Object command, RootCommand root, Body body) {
    }

    /** A command's body, as its picocli {@code call()} runs it. */
    interface Body {
        int run(PrintWriter out, PrintWriter err) throws Exception;
    }

    /**
     * Runs the command {@code args} name when this reads them, and returns its exit code; null when it
     * declines them (then picocli runs them). A failure is reported as picocli's execution handler
     * reports it ({@link ErrorReporter}; without --debug, which is declined).
     */
    static Integer run(PrintWriter out, PrintWriter err, Screen screen, String... args) {
        Parsed parsed = parse(screen, args);
        if (parsed == null) return null;
        try {
            return parsed.body().run(out, err);
        } catch (Exception e) {
            return ErrorReporter.report(e, err, false);
        }
    }

    /** The command {@code args} name with its fields set as picocli sets them, or null when this declines them. */
    static Parsed parse(Screen screen, String... args) {
        try {
            return parseOrDecline(new Cursor(args), new RootCommand(screen));
        } catch (Declined d) {
            return null;
        }
    }

    private static Parsed parseOrDecline(Cursor c, RootCommand root) throws Declined {
        // --no-color may also come before the subcommand's name (RootCommand.PLAIN_FLAGS)
        while (c.more() && c.peek().equals("--no-color")) root.noColor = c.flag(c.next());
        if (!c.more()) throw Declined.ONE;
        String name = c.next();
        StateOptions state = new StateOptions();
        RepoOptions repo = new RepoOptions();
        state.protocolTag = 245;
        repo.ref = "HEAD";
        if (name.equals("validate")) {
            ValidateCommand v = new ValidateCommand();
            v.state = state;
            v.repo = repo;
            while (c.more()) {
                String option = c.next();
                if (!stateOption(c, option, state)) common(c, option, root);
            }
            return new Parsed(v, root, v::run);
        }
        if (!name.equals("plan")) throw Declined.ONE;
        PlanCommand p = new PlanCommand();
        p.root = root;
        p.state = state;
        p.repo = repo;
        p.target = new TargetOptions();
        p.fleet = new FleetOptions();
        p.target.lockTimeout = 10;
        p.target.timeout = 300;
        while (c.more()) {
            String option = c.next();
            if (!stateOption(c, option, state) && !targetOption(c, option, p.target) && !planOption(c, option, p)) {
                common(c, option, root);
            }
        }
        return new Parsed(p, root, p::run);
    }

    /** StateOptions' options; false when {@code option} is none of them. */
    private static boolean stateOption(Cursor c, String option, StateOptions state) throws Declined {
        switch (option) {
            case "-f", "--state" -> state.stateFiles.add(c.path(c.value()));
            case "-i", "--inventory" -> state.inventory = c.path(c.single("-i"));
            case "--limit" -> state.limit = c.single(option);
            case "--var" -> c.variable(state.vars);
            case "--proto-number" -> state.protocolTag = c.number(option);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** TargetOptions' options; false when {@code option} is none of them. */
    private static boolean targetOption(Cursor c, String option, TargetOptions target) throws Declined {
        switch (option) {
            case "--netns" -> target.netns = c.single(option);
            case "--etc-dir" -> target.etcDir = c.single(option);
            case "--state-dir" -> target.stateDir = c.single(option);
            case "--lock-dir" -> target.lockDir = c.single(option);
            case "--lock-timeout" -> target.lockTimeout = c.number(option);
            case "--timeout" -> target.timeout = c.number(option);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** plan's own options; false when {@code option} is none of them. */
    private static boolean planOption(Cursor c, String option, PlanCommand plan) throws Declined {
        switch (option) {
            case "--json" -> plan.json = c.flag(option);
            case "--format" -> plan.format = c.single(option);
            case "--out" -> plan.outFile = c.path(c.single(option));
            case "--detailed-exitcode" -> plan.detailedExitCode = c.flag(option);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The options every subcommand inherits that this reads (--no-color); anything else is declined. */
    private static void common(Cursor c, String option, RootCommand root) throws Declined {
        if (!option.equals("--no-color")) throw Declined.ONE;
        root.noColor = c.flag(option);
    }

    /** The arguments, read left to right, and the single-valued options already given. */
    private static final class Cursor {
        private final String[] args;
        private final Set<String> given = new HashSet<>();
        private int at;

        Cursor(String[] args) {
            this.args = args;
        }

        boolean more() {
            return at < args.length;
        }

        String peek() {
            return args[at];
        }

        String next() {
            return args[at++];
        }

        /** A flag's value (true); a flag given twice is declined (picocli refuses it). */
        boolean flag(String option) throws Declined {
            if (!given.add(option)) throw Declined.ONE;
            return true;
        }

        /** The next argument as an option's value, when it is plainly one. */
        String value() throws Declined {
            if (!more()) throw Declined.ONE;
            String v = next();
            if (v.isEmpty() || v.charAt(0) == '-' || v.charAt(0) == '@') throw Declined.ONE;
            return v;
        }

        /** The value of a single-valued option (named by {@code option}), given once. */
        String single(String option) throws Declined {
            if (!given.add(option)) throw Declined.ONE;
            return value();
        }

        /** An int option's value: digits only, as Integer.valueOf reads them. */
        int number(String option) throws Declined {
            String v = single(option);
            if (v.length() > 9) throw Declined.ONE;
            for (int k = 0; k < v.length(); k++) {
                if (v.charAt(k) < '0' || v.charAt(k) > '9') throw Declined.ONE;
            }
            return Integer.parseInt(v);
        }

        Path path(String v) throws Declined {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw Declined.ONE;
            }
        }

        /** --var NAME=VALUE, split at the first '='; no quotes (picocli splits around quoted parts). */
        void variable(Map<String, String> vars) throws Declined {
            String v = value();
            int eq = v.indexOf('=');
            if (eq <= 0 || v.indexOf('"') >= 0) throw Declined.ONE;
            vars.put(v.substring(0, eq), v.substring(eq + 1));
        }
    }

    /** The direct path leaves this command line to picocli (no stack trace: it is not an error). */
    private static final class Declined extends Exception {
        private static final long serialVersionUID = 1L;
        static final Declined ONE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }
}
