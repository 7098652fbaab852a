package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.routesync.git.GitSource;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The container recipe in examples/container, checked here because no container engine or cluster
 * is available to build or apply it: the DaemonSet's fields that matter (host network, only
 * CAP_NET_ADMIN, read-only root with a volume at every place routesync writes, the node name as
 * --host), its arguments parsed by routesync's own command line, and the Dockerfile's stages, copies
 * and entrypoint. The loop script itself is exercised in {@link PullLoopTest}.
 */
class ContainerRecipeTest {
    private static final Path DIR = Path.of("examples/container");
    private static final String LOOP = "/usr/local/bin/routesync-pull-loop";

    @Test
    void daemonSetRunsPullOnTheHostNetworkWithOnlyNetAdmin() throws IOException {
        JsonNode ds = daemonSet();
        assertEquals("apps/v1", ds.path("apiVersion").asText());
        JsonNode template = ds.path("spec").path("template");
        ds.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e ->
                assertEquals(e.getValue(), template.path("metadata").path("labels").path(e.getKey()), "selector matches the pods: " + e.getKey()));
        JsonNode pod = template.path("spec");
        assertTrue(pod.path("hostNetwork").asBoolean(), "hostNetwork: the node's routes");
        assertEquals("ClusterFirstWithHostNet", pod.path("dnsPolicy").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), "no API token");
        assertEquals(1, pod.path("containers").size());
        JsonNode security = pod.path("containers").path(0).path("securityContext");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), security.toString());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), security.toString());
        assertFalse(security.path("privileged").asBoolean(false), security.toString());
        assertEquals(0, security.path("runAsUser").asInt(-1), "root: routesync's files on the node are root's");
        assertEquals(List.of("NET_ADMIN"), texts(security.path("capabilities").path("add")));
        assertEquals(List.of("ALL"), texts(security.path("capabilities").path("drop")));
        assertFalse(pod.has("hostPID") || pod.has("hostIPC"), "only the network is the host's");
    }

    @Test
    void everyPlaceRoutesyncWritesIsAWritableVolume() throws IOException {
        JsonNode pod = daemonSet().path("spec").path("template").path("spec");
        Set<String> volumes = new HashSet<>();
        pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        Map<String, JsonNode> mounts = new HashMap<>();
        for (JsonNode m : pod.path("containers").path(0).path("volumeMounts")) {
            assertTrue(volumes.contains(m.path("name").asText()), "mount " + m + " names a volume");
            mounts.put(m.path("mountPath").asText(), m);
        }
        List<String> written = List.of(TargetPaths.DEFAULT_ETC + "/rt_tables.d", TargetPaths.DEFAULT_ETC + "/rt_protos.d",
                TargetPaths.DEFAULT_STATE, TargetPaths.DEFAULT_LOCK_DIR, GitSource.DEFAULT_CACHE.toString(), "/tmp");
        for (String path : written) {
            assertNotNull(mounts.get(path), path + " is written by routesync: it needs a volume on a read-only root");
            assertFalse(mounts.get(path).path("readOnly").asBoolean(false), path + " must be writable");
        }
        // the names and records are the node's, so they outlive the pod and match what ip shows on the node
        for (JsonNode v : pod.path("volumes")) {
            String name = v.path("name").asText();
            if (List.of("rt-tables", "rt-protos", "state", "lock").contains(name)) {
                assertEquals("DirectoryOrCreate", v.path("hostPath").path("type").asText(), v.toString());
            }
        }
    }

    @Test
    void argumentsAreAPullCommandLineRoutesyncAccepts() throws IOException {
        JsonNode container = daemonSet().path("spec").path("template").path("spec").path("containers").path(0);
        assertFalse(container.has("command"), "the image's entrypoint (the loop) runs; the args are pull's");
        Map<String, String> env = new HashMap<>();
        for (JsonNode e : container.path("env")) {
            String value = e.has("value") ? e.path("value").asText() : "field:" + e.path("valueFrom").path("fieldRef").path("fieldPath").asText();
            env.put(e.path("name").asText(), value);
        }
        assertEquals("field:spec.nodeName", env.get("NODE_NAME"), "the inventory host is the node's name");
        assertTrue(env.get("ROUTESYNC_INTERVAL").matches("[1-9][0-9]*"), env.toString());
        List<String> argv = new ArrayList<>(List.of("pull"));
        for (String arg : texts(container.path("args"))) argv.add(arg.replace("$(NODE_NAME)", "node1"));
        CommandLine.ParseResult parsed = RootCommand.commandLine(new RootCommand()).parseArgs(argv.toArray(String[]::new));
        CommandLine.ParseResult pull = parsed.subcommand();
        assertEquals("pull", pull.commandSpec().name());
        assertEquals("node1", pull.matchedOptionValue("--host", ""));
        assertTrue(pull.matchedOptionValue("--repo", "").startsWith("https://"), "a repository routesync fetches itself");
    }

    @Test
    void dockerfileInstallsThePackageAndRunsTheLoop() throws IOException {
        List<String> lines = instructions(Files.readString(DIR.resolve("Dockerfile")));
        List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, stages.size(), stages.toString());
        assertTrue(stages.get(0).matches("FROM maven:\\S+-17 AS build"), "builds with JDK 17: " + stages.get(0));
        assertTrue(stages.get(1).startsWith("FROM debian:bookworm"), "the package's own platform: " + stages.get(1));
        List<String> last = lines.subList(lines.indexOf(stages.get(1)), lines.size());
        assertTrue(last.contains("COPY --from=build /src/target/routesync_*_all.deb /tmp/"), last.toString());
        assertTrue(last.stream().anyMatch(l -> l.startsWith("RUN ") && l.contains("apt-get install") && l.contains("/tmp/routesync_*_all.deb")),
                "installed with apt, so the package's Depends come along: " + last);
        assertTrue(last.contains("COPY examples/container/routesync-pull-loop " + LOOP), last.toString());
        assertEquals("ENTRYPOINT [\"" + LOOP + "\"]", last.get(last.size() - 1), "exec form: no shell between Kubernetes and the loop");
        assertTrue(Files.isExecutable(DIR.resolve("routesync-pull-loop")));
        // every source copied from the context exists and is let through by Dockerfile.dockerignore
        List<String> allowed = Files.readAllLines(DIR.resolve("Dockerfile.dockerignore")).stream()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        for (String l : lines) {
            if (!l.startsWith("COPY ") || l.startsWith("COPY --from")) continue;
            String[] words = l.split(" ");
            for (int k = 1; k < words.length - 1; k++) {
                assertTrue(Files.exists(Path.of(words[k])), l);
                assertTrue(allowed.contains(words[k].split("/")[0]), words[k] + " is in the build context: " + allowed);
            }
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<deb>${project.build.directory}/routesync_[[version]]_all.deb</deb>"),
                "the package the Dockerfile copies is the one jdeb writes");
    }

    private static JsonNode daemonSet() throws IOException {
        List<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(DIR.resolve("routesync-daemonset.yml").toFile()).readAll();
        List<JsonNode> sets = docs.stream().filter(d -> d.path("kind").asText().equals("DaemonSet")).toList();
        assertEquals(1, sets.size(), "one DaemonSet in " + docs);
        return sets.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The Dockerfile's instructions, continuation lines joined, comments and blank lines left out. */
    static List<String> instructions(String dockerfile) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean more = line.endsWith("\\");
            current.append(more ? line.substring(0, line.length() - 1).strip() : line).append(more ? " " : "");
            if (!more) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        return out;
    }
}
