package io.routesync.transport;

import io.routesync.iproute2.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's own answer for a list of flows, in one round trip (routeget.sh): what {@code ip -d -N
 * route get} prints for each, and its exit status. No lock: it changes nothing.
 */
public final class RouteGetScript {
    /** One flow's answer: stdout and stderr of {@code ip route get}, and its exit status. */
    public record Answer(String output, int exitCode) {
    }

    private RouteGetScript() {
    }

    /**
     * @param flows the arguments after {@code route get} of each flow, one word per element (addresses,
     *              interface names, keywords and numbers only)
     */
    public static List<Answer> ask(Target target, TargetPaths paths, List<List<String>> flows, Duration timeout)
            throws TransportException {
        ScriptCall call = new ScriptTarget(target, paths, Duration.ZERO, timeout).call(Script.ROUTE_GET);
        for (List<String> words : flows) call.arg(String.join(" ", words));
        ScriptResult result = call.run(null);
        Reading reading = call.parse(result.stdout());
        String fatal = call.fatal(reading);
        if (fatal != null) throw new TransportException(fatal, false);
        List<Answer> out = new ArrayList<>();
        for (int i = 1; i <= flows.size(); i++) {
            Reading.CommandSection s = reading.command("routeget", Integer.toString(i));
            if (s == null) {
                throw new TransportException("asking " + target.name() + " where flows go (ip route get) failed (exit " + result.exitCode()
                        + "): " + HostReader.firstLine(result.stderr()), false);
            }
            out.add(new Answer(s.output(), s.exitCode()));
        }
        return out;
    }
}
