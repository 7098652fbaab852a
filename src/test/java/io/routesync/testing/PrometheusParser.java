package io.routesync.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The Prometheus project's own Python client as the oracle for the text exposition format: its parser
 * ({@code prometheus_client.parser}, Debian's python3-prometheus-client, run by /usr/bin/python3) reads a
 * metrics file back into families and samples. Without it a test fails under CI=true and is skipped
 * elsewhere, with the package to install.
 */
public final class PrometheusParser {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import sys, json",
            "from prometheus_client.parser import text_string_to_metric_families",
            "out = []",
            "for f in text_string_to_metric_families(sys.stdin.read()):",
            "    out.append({'name': f.name, 'type': f.type, 'help': f.documentation,",
            "                'samples': [{'name': s.name, 'labels': s.labels, 'value': s.value} for s in f.samples]})",
            "print(json.dumps(out))",
            "");

    private PrometheusParser() {
    }

    /** A metric family as the parser reads it: a counter's name is without its {@code _total}. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Fails (CI=true) or skips the calling test unless the parser is installed. */
    public static void require() {
        Shell.Result probe;
        try {
            probe = Shell.run(PYTHON, "-c", "import prometheus_client.parser");
        } catch (RuntimeException e) {
            probe = new Shell.Result(127, "", e.getMessage());
        }
        if (probe.exitCode() == 0) return;
        String why = "Prometheus's text format parser is not installed (apt-get install python3-prometheus-client): " + probe.stderr().strip();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, so this test must run: " + why);
        Assumptions.abort(why);
    }

    /** Parses {@code text}, as node_exporter's textfile collector would read it; throws when the parser refuses it. */
    public static List<Family> parse(String text) {
        require();
        List<String> argv = List.of(PYTHON, "-c", SCRIPT);
        Shell.Result r = Shell.run(argv, text).check(argv);
        try {
            List<Family> families = new ArrayList<>();
            for (JsonNode f : new ObjectMapper().readTree(r.stdout())) {
                List<Sample> samples = new ArrayList<>();
                for (JsonNode s : f.get("samples")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    s.get("labels").fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
                    samples.add(new Sample(s.get("name").asText(), labels, s.get("value").asDouble()));
                }
                families.add(new Family(f.get("name").asText(), f.get("type").asText(), f.get("help").asText(), samples));
            }
            return families;
        } catch (IOException e) {
            throw new IllegalStateException("the parser's output is not JSON: " + r.stdout(), e);
        }
    }

    /** The family named {@code name} (a counter without {@code _total}); fails when there is none. */
    public static Family family(List<Family> families, String name) {
        for (Family f : families) {
            if (f.name().equals(name)) return f;
        }
        throw new AssertionError("no family " + name + " in " + families.stream().map(Family::name).toList());
    }

    /** The value of the sample of {@code family} whose labels include {@code labels}; fails unless exactly one matches. */
    public static double value(List<Family> families, String family, Map<String, String> labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample s : family(families, family).samples()) {
            if (s.labels().entrySet().containsAll(labels.entrySet())) found.add(s);
        }
        if (found.size() != 1) throw new AssertionError(found.size() + " samples of " + family + " with " + labels + ": " + found);
        return found.get(0).value();
    }
}
