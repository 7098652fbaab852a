package io.routesync.transport;

import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Observed;
import io.routesync.model.TableId;
import java.time.Duration;
import java.util.Collection;

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
        // probe.sh: the common arguments (no lock: it changes nothing, and the plan's own read already saw
        // the host), then $7... the table ids
        ScriptCall call = new ScriptTarget(target, paths, Duration.ZERO, timeout).call(Script.PROBE).tables(tables);
        ScriptResult result = call.run(null);
        Reading reading = call.parse(result.stdout());
        if (reading.note("peer") == null) {
            throw new TransportException("the management-path probe on " + target.name() + " failed (exit " + result.exitCode()
                    + "): " + result.stderr().strip(), false);
        }
        return of(target, reading);
    }

    /** The probe in {@code reading} (probe_path's output, which has its "peer" note), from {@code target}. */
    static ManagementProbe of(Target target, Reading reading) throws TransportException, OutputException {
        String peer = reading.note("peer");
        if (peer == null) throw new TransportException("the management-path probe on " + target.name() + " printed no peer", false);
        if (peer.equals("none")) return notOverSsh();
        if (peer.equals("unreadable")) {
            throw new TransportException(target.name() + ": SSH_CONNECTION on the host is not 'ADDRESS PORT ADDRESS PORT'", false);
        }
        try {
            return new ManagementProbe(SshPeer.parse(peer), ObservedBuilder.build(target.name(), reading).observed());
        } catch (InvalidValueException e) {
            throw new TransportException(target.name() + ": cannot read SSH_CONNECTION '" + peer + "': " + e.getMessage(), false);
        }
    }

    /** The script does not run over ssh ("peer none"): there is no management path. */
    public static ManagementProbe notOverSsh() {
        return new ManagementProbe(null, null);
    }
}
