package io.routesync.config.inventory;

import io.routesync.render.InventoryJsonView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.yaml.YamlNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routesync's reading of real inventories against Ansible's own (ansible-core from the Debian
 * {@code ansible} package, through its Python API: see {@code inventory-oracle/ansible_oracle.py}):
 * every inventory of the shared corpus ({@code ../shared/inventory-corpus}, real public inventories)
 * and the edge cases in {@code inventory-oracle/edge}. For each it compares whether it can be read,
 * the hosts, every group's own hosts and children, every host's variables as written (like
 * {@code ansible-inventory --list}), the templated values of the variables routesync uses, and the
 * hosts of a generated set of {@code --limit} patterns.
 *
 * <p>By design routesync may refuse where Ansible goes on: a value it needs that it cannot template
 * (filters, facts), a pattern part that matches nothing. Those count as refusals, not differences.
 * Anything else that differs must be listed in {@link #KNOWN} with its reason, and every entry there
 * must still differ, so the list cannot rot. Without the corpus or Ansible the test is skipped, except
 * under CI=true, where it fails.
 */
class InventoryOracleTest {
    private static final Path CORPUS = Path.of("..", "shared", "inventory-corpus");
    private static final Path EDGE = Path.of("src", "test", "resources", "inventory-oracle", "edge");
    private static final Path HELPER = Path.of("src", "test", "resources", "inventory-oracle", "ansible_oracle.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Inventories known to differ from Ansible, with why. The lead flips an entry off (deletes it) when
     * its cause is fixed; the test fails while an entry no longer differs.
     */
    static final Map<String, String> KNOWN = Map.of();

    /** Variables whose templated value is compared: the ones routesync itself reads. */
    private static boolean compareTemplated(String name) {
        return InventoryReader.readByRoutesync(name);
    }

    private record Case(String name, Path file) {
    }

    private record Reading(Inventory inventory, List<Diagnostic> refusal) {
    }

    private static final class Score {
        int inventories;
        int read;
        int bothRefuse;
        int hosts;
        int hostsAgreeing;
        int patterns;
        int patternsAgreeing;
        int templated;
        int templatedAgreeing;
        int templatedRefused;
        final List<String> refusedValues = new ArrayList<>();
        final List<String> refusedHosts = new ArrayList<>();
        final List<String> refusedByBoth = new ArrayList<>();
    }

    @TempDir
    Path temp;

    @Test
    void routesyncReadsInventoriesAsAnsibleDoes() throws Exception {
        // real path: in CI shared/ is a copy, elsewhere it may be a link, which Files.walk would not enter
        Path corpus = required(CORPUS.toAbsolutePath().normalize(), "the inventory corpus").toRealPath();
        String python = ansiblePython();
        List<Case> cases = new ArrayList<>();
        for (Path f : inventories(corpus)) cases.add(new Case(corpus.relativize(f).toString(), f));
        for (Path f : inventories(EDGE.toAbsolutePath())) cases.add(new Case("edge/" + EDGE.toAbsolutePath().relativize(f), f));

        Map<String, Reading> readings = new LinkedHashMap<>();
        ArrayNode requests = JSON.createArrayNode();
        for (Case c : cases) {
            Reading r = read(c.file());
            readings.put(c.name(), r);
            ObjectNode request = requests.addObject();
            request.put("inventory", c.file().toString());
            ArrayNode patterns = request.putArray("patterns");
            if (r.inventory() != null) patterns(r.inventory()).forEach(patterns::add);
            ArrayNode templated = request.putArray("templated");
            if (r.inventory() != null) {
                Set<String> names = new TreeSet<>();
                for (Host h : r.inventory().hosts()) h.variables().keySet().stream().filter(InventoryOracleTest::compareTemplated).forEach(names::add);
                names.forEach(templated::add);
            }
        }
        JsonNode answers = ansible(python, requests);

        Score corpusScore = new Score();
        Score edgeScore = new Score();
        Map<String, List<String>> differences = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<String> diff = compare(c.name(), readings.get(c.name()), answers.get(i), c.name().startsWith("edge/") ? edgeScore : corpusScore);
            if (!diff.isEmpty()) differences.put(c.name(), diff);
        }

        String report = report("the shared corpus (real inventories)", corpusScore) + report("routesync's edge cases", edgeScore)
                + differences(differences);
        Files.writeString(Path.of("target", "inventory-oracle-report.txt"), report);
        System.out.println(report);
        List<String> unexpected = new ArrayList<>();
        differences.forEach((name, diff) -> {
            if (!KNOWN.containsKey(name)) unexpected.add(name + ":\n    " + String.join("\n    ", diff));
        });
        for (String name : KNOWN.keySet()) {
            if (!differences.containsKey(name)) unexpected.add(name + ": listed in KNOWN (" + KNOWN.get(name) + ") but agrees with Ansible now: remove it");
        }
        if (!unexpected.isEmpty()) fail("routesync and Ansible differ:\n" + String.join("\n", unexpected) + "\n\n" + report);
        assertEquals(cases.size(), corpusScore.inventories + edgeScore.inventories);
    }

    // ---- routesync's side

    private static Reading read(Path file) {
        // as routesync inventory -i FILE reads it: the source's root is the directory above the inventory's
        Path dir = file.getParent();
        Path root = dir.getParent() != null ? dir.getParent() : dir;
        DirectorySource source = new DirectorySource(root);
        try {
            return new Reading(InventoryReader.read(source, source.pathOf(file)), List.of());
        } catch (InvalidInputException e) {
            return new Reading(null, e.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
    }

    /** Patterns that exercise every rule on this inventory's own names: groups, hosts, subscripts, set operations, globs, regexes. */
    static List<String> patterns(Inventory inv) {
        Set<String> out = new LinkedHashSet<>(List.of("all", "*", "al*", "ungrouped"));
        List<String> groups = new ArrayList<>();
        for (Group g : inv.groups().values()) {
            if (!g.name().equals("all") && !g.name().equals("ungrouped") && !g.hosts().isEmpty()) groups.add(g.name());
        }
        // the groups with children first: their subscripts are where the order matters
        groups.sort((a, b) -> Boolean.compare(inv.groups().get(a).children().isEmpty(), inv.groups().get(b).children().isEmpty()));
        List<String> some = groups.subList(0, Math.min(5, groups.size()));
        for (String g : some) {
            out.add(g);
            out.add(g + "[0]");
            out.add(g + "[-1]");
            out.add(g + "[1:3]");
            out.add(g + "[1:]");
        }
        List<Host> hosts = inv.hosts();
        if (!hosts.isEmpty()) {
            out.add(hosts.get(0).name());
            out.add(hosts.get(hosts.size() - 1).name());
            out.add("all:!" + hosts.get(0).name());
            out.add("*" + last(hosts.get(hosts.size() - 1).name(), 2));
            out.add("~.*[0-9]$");
        }
        if (some.size() >= 2) {
            String a = some.get(0);
            String b = some.get(1);
            out.add(a + ":" + b);
            out.add(a + ",!" + b);
            out.add(a + ":&" + b);
            out.add(b + ":!" + a);
            out.add("&" + a + ",!" + b + "," + b);
        }
        if (!some.isEmpty()) {
            String a = some.get(0);
            out.add(a.substring(0, Math.min(2, a.length())) + "*");
            out.add("~" + a.substring(0, Math.min(3, a.length())));
            out.add(a + ":!" + inv.groups().get(a).hosts().get(0));
            if (!hosts.isEmpty()) out.add(a + "," + hosts.get(hosts.size() - 1).name());
        }
        return new ArrayList<>(out);
    }

    private static String last(String s, int n) {
        return s.substring(Math.max(0, s.length() - n));
    }

    // ---- comparison

    private static List<String> compare(String inventoryName, Reading ours, JsonNode theirs, Score score) {
        score.inventories++;
        List<String> diff = new ArrayList<>();
        if (theirs.has("error")) {
            if (ours.inventory() == null) {
                score.bothRefuse++;
                score.refusedByBoth.add(inventoryName + ": routesync " + ours.refusal().get(0).message() + "; Ansible " + theirs.get("error").asText());
                return diff;
            }
            diff.add("Ansible refuses it (" + theirs.get("error").asText() + ") but routesync reads it");
            return diff;
        }
        if (ours.inventory() == null) {
            diff.add("routesync refuses it: " + ours.refusal().get(0).format().replace('\n', ' '));
            return diff;
        }
        score.read++;
        Inventory inv = ours.inventory();
        Set<String> ourHosts = new TreeSet<>();
        inv.hosts().forEach(h -> ourHosts.add(h.name()));
        Set<String> theirHosts = new TreeSet<>(strings(theirs.get("hosts")));
        if (!ourHosts.equals(theirHosts)) diff.add("hosts: routesync " + ourHosts + ", Ansible " + theirHosts);

        Iterator<Map.Entry<String, JsonNode>> groups = theirs.get("groups").fields();
        Set<String> theirGroups = new TreeSet<>();
        while (groups.hasNext()) {
            Map.Entry<String, JsonNode> e = groups.next();
            theirGroups.add(e.getKey());
            Group g = inv.groups().get(e.getKey());
            if (g == null) {
                diff.add("group " + e.getKey() + " is missing in routesync");
                continue;
            }
            if (!new TreeSet<>(g.ownHosts()).equals(new TreeSet<>(strings(e.getValue().get("hosts"))))) {
                diff.add("group " + g.name() + " hosts: routesync " + g.ownHosts() + ", Ansible " + strings(e.getValue().get("hosts")));
            }
            if (!new TreeSet<>(g.children()).equals(new TreeSet<>(strings(e.getValue().get("children"))))) {
                diff.add("group " + g.name() + " children: routesync " + g.children() + ", Ansible " + strings(e.getValue().get("children")));
            }
        }
        if (!theirGroups.equals(inv.groups().keySet().stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new)))) {
            diff.add("groups: routesync " + new TreeSet<>(inv.groups().keySet()) + ", Ansible " + theirGroups);
        }

        for (Host h : inv.hosts()) {
            JsonNode vars = theirs.get("hostvars").get(h.name());
            if (vars == null) continue;
            score.hosts++;
            if (vars.has("error") && vars.get("error").asText().contains("vault password")) {
                // Ansible cannot give this host's variables without the vault password; routesync skips the
                // encrypted file with a warning, and a value needed from it is undefined for that host
                boolean warned = inv.warnings().stream().anyMatch(w -> w.message().contains("ansible-vault"));
                if (warned) {
                    score.hostsAgreeing++;
                    score.refusedValues.add(h.name() + ": variables in a vault-encrypted file (Ansible needs the password; routesync skips the file, warning)");
                } else {
                    diff.add(h.name() + ": Ansible needs a vault password for its variables, routesync does not warn");
                }
                continue;
            }
            int before = diff.size();
            Set<String> names = new TreeSet<>(h.variables().keySet());
            vars.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                Variable v = h.variables().get(name);
                JsonNode t = vars.get(name);
                if (v == null || t == null) {
                    diff.add(h.name() + "." + name + ": " + (v == null ? "missing in routesync, Ansible " + t : "routesync " + shown(v.value()) + ", missing in Ansible"));
                } else if (!same(t, v.value())) {
                    diff.add(h.name() + "." + name + ": routesync " + shown(v.value()) + ", Ansible " + t);
                }
            }
            JsonNode templated = theirs.get("templated").get(h.name());
            if (templated != null) {
                templated.fields().forEachRemaining(e -> {
                    score.templated++;
                    Host.Resolved r = h.resolved(e.getKey());
                    boolean ansibleFails = e.getValue().isObject() && e.getValue().has("error");
                    if (!r.problems().isEmpty()) {
                        score.templatedRefused++;
                        score.refusedValues.add(h.name() + "." + e.getKey() + ": " + r.problems().get(0).message()
                                + (ansibleFails ? " (Ansible fails too: " + e.getValue().get("error").asText() + ")" : ""));
                        if (ansibleFails) score.templatedAgreeing++;
                    } else if (ansibleFails) {
                        diff.add(h.name() + "." + e.getKey() + " templated: routesync " + shown(r.variable().orElseThrow().value())
                                + ", Ansible fails: " + e.getValue().get("error").asText());
                    } else if (r.variable().isEmpty() || !same(e.getValue(), r.variable().get().value())) {
                        diff.add(h.name() + "." + e.getKey() + " templated: routesync " + r.variable().map(x -> shown(x.value())).orElse("(none)")
                                + ", Ansible " + e.getValue());
                    } else {
                        score.templatedAgreeing++;
                    }
                });
            }
            if (templated != null) connection(h, templated, score, diff);
            if (diff.size() == before) score.hostsAgreeing++;
        }

        theirs.get("patterns").fields().forEachRemaining(e -> {
            score.patterns++;
            String pattern = e.getKey();
            Set<String> ours2;
            try {
                ours2 = new TreeSet<>();
                for (Host h : inv.select(pattern)) ours2.add(h.name());
            } catch (InvalidInputException x) {
                ours2 = null;
            }
            boolean ansibleNone = e.getValue().isObject() || e.getValue().isEmpty();
            if (ours2 == null ? ansibleNone : !e.getValue().isObject() && ours2.equals(new TreeSet<>(strings(e.getValue())))) {
                score.patternsAgreeing++;
            } else {
                diff.add("--limit '" + pattern + "': routesync " + (ours2 == null ? "refuses" : ours2) + ", Ansible " + e.getValue());
            }
        });
        return diff;
    }

    /**
     * What routesync would connect to, against Ansible's templated values: the same address, port and
     * user, or the host refused (when selected) with a reason.
     */
    private static void connection(Host h, JsonNode templated, Score score, List<String> diff) {
        Connection c = h.connection();
        if (c == null) {
            score.refusedHosts.add(h.name() + ": " + h.problems().stream().filter(Diagnostic::isError).findFirst().orElseThrow().message());
            return;
        }
        if (c.type() != Connection.Type.SSH) return;
        check(h, "ansible_host", templated, c.address(), diff);
        check(h, "ansible_port", templated, c.port().isPresent() ? String.valueOf(c.port().getAsInt()) : null, diff);
        check(h, "ansible_user", templated, c.user().orElse(null), diff);
    }

    private static void check(Host h, String name, JsonNode templated, String ours, List<String> diff) {
        JsonNode theirs = templated.get(name);
        if (theirs == null || (theirs.isObject() && theirs.has("error"))) return;
        if (!theirs.asText().equals(ours)) diff.add(h.name() + " connects with " + name + " " + ours + ", Ansible " + theirs);
    }

    /** Whether Ansible's value (JSON, typed by YAML 1.1 or literal_eval) is what routesync's text says. */
    static boolean same(JsonNode theirs, YamlNode ours) {
        if (ours instanceof YamlNode.Sequence) {
            List<YamlNode> items = ((YamlNode.Sequence) ours).items();
            if (!theirs.isArray() || theirs.size() != items.size()) return false;
            for (int i = 0; i < items.size(); i++) {
                if (!same(theirs.get(i), items.get(i))) return false;
            }
            return true;
        }
        if (ours instanceof YamlNode.Mapping) {
            List<YamlNode.Field> fields = ((YamlNode.Mapping) ours).fields();
            if (!theirs.isObject() || theirs.size() != fields.size()) return false;
            for (YamlNode.Field f : fields) {
                if (!theirs.has(f.key()) || !same(theirs.get(f.key()), f.value())) return false;
            }
            return true;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) ours;
        String text = s.text();
        if (theirs.isObject() && theirs.has("vault")) return Variable.VAULT.equals(s.tag());
        if (theirs.isObject() && theirs.has("unsafe")) return TemplateResolver.UNSAFE.equals(s.tag()) && theirs.get("unsafe").asText().equals(text);
        if (theirs.isNull()) return text == null || text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null") || text.equals("None");
        if (text == null) return false;
        if (theirs.isBoolean()) {
            String t = text.toLowerCase();
            return theirs.asBoolean() ? List.of("true", "yes", "on").contains(t) : List.of("false", "no", "off").contains(t);
        }
        if (theirs.isIntegralNumber()) {
            BigInteger n = yamlInteger(text);
            return n != null && n.equals(theirs.bigIntegerValue());
        }
        if (theirs.isNumber()) {
            try {
                return Double.parseDouble(text.replace("_", "")) == theirs.asDouble();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return theirs.isTextual() && theirs.asText().equals(text);
    }

    // YAML 1.1 integers as PyYAML reads them: a leading 0 is octal (0022 is 18), 0x hex, 0b binary, '_' ignored
    private static BigInteger yamlInteger(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) t = t.substring(1);
        try {
            BigInteger n;
            if (t.startsWith("0x")) n = new BigInteger(t.substring(2), 16);
            else if (t.startsWith("0b")) n = new BigInteger(t.substring(2), 2);
            else if (t.length() > 1 && t.startsWith("0")) n = new BigInteger(t.substring(1), 8);
            else n = new BigInteger(t);
            return negative ? n.negate() : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shown(YamlNode node) {
        return InventoryJsonView.json(node).toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String differences(Map<String, List<String>> differences) {
        StringBuilder out = new StringBuilder();
        differences.forEach((name, diff) -> {
            out.append("  differs: ").append(name).append(KNOWN.containsKey(name) ? " (known: " + KNOWN.get(name) + ")" : "").append('\n');
            for (String d : diff) out.append("    ").append(d).append('\n');
        });
        return out.toString();
    }

    private static String report(String what, Score s) {
        StringBuilder out = new StringBuilder("Inventory oracle, " + what + ", routesync vs ansible-core:\n");
        out.append("  inventories read: ").append(s.read).append("/").append(s.inventories)
                .append(" (refused by both: ").append(s.bothRefuse).append(")\n");
        for (String r : s.refusedByBoth) out.append("    ").append(r).append('\n');
        out.append("  hosts agreeing (variables as written): ").append(s.hostsAgreeing).append("/").append(s.hosts).append('\n');
        out.append("  --limit patterns agreeing: ").append(s.patternsAgreeing).append("/").append(s.patterns).append('\n');
        out.append("  templated values routesync uses: ").append(s.templatedAgreeing).append("/").append(s.templated)
                .append(" agree, ").append(s.templatedRefused).append(" refused by routesync when needed\n");
        for (String r : s.refusedValues) out.append("    refused: ").append(r).append('\n');
        out.append("  hosts routesync would refuse when selected: ").append(s.refusedHosts.size()).append('\n');
        for (String r : s.refusedHosts) out.append("    ").append(r).append('\n');
        return out.toString();
    }

    // ---- finding things

    private static List<Path> inventories(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            if (part.toString().equals("group_vars") || part.toString().equals("host_vars")) return false;
                        }
                        String name = p.getFileName().toString();
                        return !name.equals("SOURCES.md") && !name.equals("vault-secret");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static Path required(Path path, String what) {
        if (!Files.isDirectory(path)) missing(what + " is not at " + path);
        return path;
    }

    private String ansiblePython() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        try {
            Process p = new ProcessBuilder(python, "-c", "import ansible.inventory.manager").redirectErrorStream(true)
                    .redirectOutput(temp.resolve("probe.txt").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            else if (p.exitValue() == 0) return python;
        } catch (IOException e) {
            // no python at all: same as no ansible
        }
        missing("Ansible's Python modules are not installed (Debian: apt-get install ansible)");
        return null;
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) fail(why + ": the inventory oracle must run in CI");
        Assumptions.abort(why);
    }

    private JsonNode ansible(String python, ArrayNode requests) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path config = Files.writeString(temp.resolve("ansible.cfg"), "");
        Path in = temp.resolve("requests.json");
        Path out = temp.resolve("answers.json");
        Path err = temp.resolve("ansible-stderr.txt");
        Files.writeString(in, JSON.writeValueAsString(requests));
        ProcessBuilder pb = new ProcessBuilder(python, HELPER.toAbsolutePath().toString())
                .directory(temp.toFile())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        // nothing from the user's or the machine's Ansible configuration
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
        env.put("HOME", home.toString());
        env.put("ANSIBLE_CONFIG", config.toString());
        env.put("ANSIBLE_LOCAL_TEMP", home.toString());
        env.put("PYTHONHASHSEED", "0");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the Ansible oracle took longer than 180 s");
        }
        if (p.exitValue() != 0) fail("the Ansible oracle failed: " + Files.readString(err, StandardCharsets.UTF_8));
        return JSON.readTree(out.toFile());
    }
}
