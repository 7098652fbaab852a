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
        List<Answer> out = answers(reading, flows.size());
        if (out == null) {
            throw new TransportException("asking " + target.name() + " where flows go (ip route get) failed (exit " + result.exitCode()
                    + "): " + HostReader.firstLine(result.stderr()), false);
        }
        return out;
    }

    /** The answers to {@code count} flows in {@code reading} ("cmd routeget N" sections), or null when one is missing. */
    static List<Answer> answers(Reading reading, int count) {
        List<Answer> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Reading.CommandSection s = reading.command("routeget", Integer.toString(i));
            if (s == null) return null;
            out.add(new Answer(s.output(), s.exitCode()));
        }
        return out;
    }

    /**
     * The flows as apply.sh's part "flows" (one a line, its words joined by spaces), or null when a word
     * holds a line break (then they are asked on their own, where routeget.sh refuses that flow).
     */
    public static String asPart(List<List<String>> flows) {
        StringBuilder b = new StringBuilder();
        for (List<String> words : flows) {
            String line = String.join(" ", words);
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) return null;
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
