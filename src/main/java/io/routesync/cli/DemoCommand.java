package io.routesync.cli;

import io.routesync.demo.DemoFiles;
import io.routesync.demo.DemoStory;
import io.routesync.demo.DemoTopology;
import io.routesync.transport.TransportException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
        Path state = stateFile != null ? stateFile : DemoFiles.state().orElseThrow(() -> new UserError(ExitCodes.USAGE,
                "cannot find states/dual-uplink.yml: run the demo from the routesync checkout or pass -f FILE"));
        // ip netns add writes /run/netns: without that (not root) nothing below can work
        if (!Files.isWritable(Path.of("/run"))) {
            throw new UserError(ExitCodes.USAGE, "the demo creates network namespaces and needs root: run it with sudo");
        }
        Path work = DemoFiles.workDir();
        boolean ok = true;
        try (DemoTopology topo = DemoTopology.create("rsdemo")) {
            String host = topo.hostNamespace();
            DemoStory.intro(out, host);
            ok &= DemoStory.replies(topo, out, "before", "eth0");
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
            ok &= DemoStory.replies(topo, out, "after", "eth1");
        } catch (TransportException e) {
            throw new UserError(ExitCodes.FAILED, "the demo could not build its namespaces: " + e.getMessage());
        } finally {
            DemoFiles.delete(work);
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
}
