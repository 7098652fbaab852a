package io.routesync.cli;

import io.routesync.demo.DemoTopology;
import io.routesync.transport.TransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code routesync demo}: the seed scenario end to end in throwaway namespaces, with routesync's own
 * commands (run in-process, printed as a user would type them). Needs root; leaves nothing behind.
 */
@Command(name = "demo", sortOptions = false,
        description = {"Build a host with two uplinks in throwaway network namespaces, plan and apply"
                + " states/dual-uplink.yml, show that a second plan is empty and that replies from the second"
                + " address now leave by the second uplink, then remove everything. Needs root."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Option(names = {"-f", "--state"}, paramLabel = "FILE", description = "The state to demonstrate (default: states/dual-uplink.yml).")
    Path stateFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path state = stateFile != null ? stateFile : findState();
        // ip netns add writes /run/netns: without that (not root) nothing below can work
        if (!Files.isWritable(Path.of("/run"))) {
            throw new UserError(ExitCodes.USAGE, "the demo creates network namespaces and needs root: run it with sudo");
        }
        Path work = Files.createTempDirectory("routesync-demo-");
        boolean ok = true;
        try (DemoTopology topo = DemoTopology.create("rsdemo")) {
            String host = topo.hostNamespace();
            out.println("Built a host with two uplinks in namespace " + host + ":");
            out.println("  eth0 192.168.1.10/24 -> gateway 192.168.1.1 (the main table's default route)");
            out.println("  eth1 192.168.2.10/24 -> gateway 192.168.2.1 (no policy routing yet)");
            out.println("Both gateways drop packets that arrive on the wrong side (strict rp_filter).\n");
            ok &= explain(topo, out, "before", "eth0");
            List<String> common = new ArrayList<>(List.of("-f", state.toString(),
                    "--var", "uplink2_addr=" + DemoTopology.UPLINK2_ADDR,
                    "--var", "uplink2_net=" + DemoTopology.UPLINK2_NET,
                    "--var", "uplink2_gw=" + DemoTopology.UPLINK2_GW,
                    "--netns", host,
                    "--etc-dir", work.resolve("etc").toString(),
                    "--state-dir", work.resolve("state").toString(),
                    "--lock-dir", work.toString()));
            if (root.noColor) common.add("--no-color");
            ok &= step(out, err, "apply", "--auto-approve", common) == ExitCodes.OK;
            ok &= step(out, err, "plan", "--detailed-exitcode", common) == ExitCodes.OK;
            ok &= explain(topo, out, "after", "eth1");
        } catch (TransportException e) {
            throw new UserError(ExitCodes.FAILED, "the demo could not build its namespaces: " + e.getMessage());
        } finally {
            deleteTree(work);
        }
        out.println(ok ? "Demo complete: the namespaces are gone again." : "Demo finished with unexpected results (see above).");
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int step(PrintWriter out, PrintWriter err, String command, String flag, List<String> common) {
        List<String> args = new ArrayList<>(List.of(command, flag));
        args.addAll(common);
        out.println("$ routesync " + String.join(" ", args.subList(0, 4)) + " ...");
        out.flush();
        int code = Main.run(out, err, args.toArray(new String[0]));
        out.println();
        return code;
    }

    private static boolean explain(DemoTopology topo, PrintWriter out, String when, String expectedDev) throws TransportException {
        String route = topo.routeGet(DemoTopology.REMOTE_ADDR, DemoTopology.UPLINK2_ADDR);
        String first = route.lines().findFirst().orElse("").strip();
        out.println("$ ip route get " + DemoTopology.REMOTE_ADDR + " from " + DemoTopology.UPLINK2_ADDR + "   (" + when + ")");
        out.println("  " + first);
        boolean viaExpected = first.contains(" dev " + expectedDev + " ");
        out.println("  -> replies from " + DemoTopology.UPLINK2_ADDR + " leave by " + (first.contains("dev eth1") ? "eth1, the uplink they came in on" : "eth0, the wrong uplink"));
        boolean pingOk = true;
        if (DemoTopology.pingAvailable()) {
            boolean reply = topo.pingUplink2FromRemote();
            out.println("$ ping " + DemoTopology.UPLINK2_ADDR + " from " + DemoTopology.REMOTE_ADDR + " (beyond gateway 2): "
                    + (reply ? "reply received" : "no reply (gateway 1 drops the reply as spoofed)"));
            pingOk = reply == expectedDev.equals("eth1");
        } else {
            out.println("(ping is not installed: skipping the traffic check; apt-get install iputils-ping)");
        }
        out.println();
        return viaExpected && pingOk;
    }

    /**
     * states/dual-uplink.yml from the working directory, else beside the jar's checkout
     * (target/../states), else beside the installed jar (the Debian package's /usr/share/routesync/states).
     */
    private static Path findState() throws UserError {
        Path here = Path.of("states", "dual-uplink.yml");
        if (Files.isRegularFile(here)) return here;
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().getParent().resolve("states").resolve("dual-uplink.yml");
            if (Files.isRegularFile(beside)) return beside;
            Path installed = jar.getParent().resolve("states").resolve("dual-uplink.yml");
            if (Files.isRegularFile(installed)) return installed;
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the error
        }
        throw new UserError(ExitCodes.USAGE, "cannot find states/dual-uplink.yml: run the demo from the routesync checkout or pass -f FILE");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
