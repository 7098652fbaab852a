package io.routesync.apply;

import io.routesync.model.InvalidValueException;
import io.routesync.model.Observed;
import io.routesync.model.TableId;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.ReadingParser;
import io.routesync.transport.HostReader;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Scripts;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import io.routesync.transport.TargetPaths;

/**
 * What the management-path check needs from a host, in one round trip over the connection being
 * checked (probe.sh): the ssh peer, the rules, and the routes that contain the peer's address in the
 * tables the reply could be looked up in. Only those routes: a host with a full BGP table in main
 * does not send it. {@code observed} is null when the target is not reached over ssh.
 */
public record ManagementProbe(SshPeer peer, Observed observed) {

    /**
     * @param tables the tables of the plan's reading ({@code reading.observed().tablesRead()}), so every
     *               table a plan change touches is probed
     */
    public static ManagementProbe read(Target target, TargetPaths paths, Collection<TableId> tables, Duration timeout)
            throws TransportException, OutputException {
        String marker = HostReader.newMarker();
        // the probe takes no lock (it changes nothing, and the plan's own read already saw the host)
        List<String> args = HostReader.commonArgs(marker, target, paths, Duration.ZERO);
        for (TableId t : tables) args.add(Long.toString(t.id()));
        ScriptResult result = target.runScript(Scripts.PROBE, args, null, timeout);
        Reading reading = ReadingParser.parse(result.stdout(), marker);
        String peer = reading.note("peer");
        if (peer == null) {
            throw new TransportException("the management-path probe on " + target.name() + " failed (exit " + result.exitCode()
                    + "): " + result.stderr().strip(), false);
        }
        if (peer.equals("none")) return new ManagementProbe(null, null);
        if (peer.equals("unreadable")) {
            throw new TransportException(target.name() + ": SSH_CONNECTION on the host is not 'ADDRESS PORT ADDRESS PORT'", false);
        }
        try {
            return new ManagementProbe(SshPeer.parse(peer), ObservedBuilder.build(target.name(), reading).observed());
        } catch (InvalidValueException e) {
            throw new TransportException(target.name() + ": cannot read SSH_CONNECTION '" + peer + "': " + e.getMessage(), false);
        }
    }
}
