package io.routesync.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anchors, aliases and merge keys read as Ansible (PyYAML) reads them; expected values were checked
 * with {@code ansible-inventory --list} (ansible-core 2.14) on the same YAML.
 */
class YamlAliasTest {

    private static Object read(String text) throws InvalidInputException {
        return plain(YamlReader.read(new SourceFile("s.yml", text)));
    }

    private static String error(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> YamlReader.read(new SourceFile("s.yml", text)));
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        return e.diagnostics().get(0).format();
    }

    static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Scalar) return ((YamlNode.Scalar) node).text();
        if (node instanceof YamlNode.Sequence) {
            List<Object> items = new ArrayList<>();
            for (YamlNode item : ((YamlNode.Sequence) node).items()) items.add(plain(item));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (YamlNode.Field f : ((YamlNode.Mapping) node).fields()) map.put(f.key(), plain(f.value()));
        return map;
    }

    @Test
    void aliasIsTheAnchoredValueNotItsName() throws Exception {
        assertEquals(Map.of("a", "eth2", "b", "eth2"), read("a: &eth1 eth2\nb: *eth1\n"));
        assertEquals(Map.of("a", List.of("x", "y"), "b", List.of("x", "y")), read("a: &l [x, y]\nb: *l\n"));
        assertEquals(Map.of("a", Map.of("k", "v"), "b", List.of(Map.of("k", "v"))), read("a: &m {k: v}\nb:\n  - *m\n"));
    }

    @Test
    void mergeKeyExplicitKeysWin() throws Exception {
        Object root = read("base: &b {port: 2222, user: ops}\nhost:\n  user: root\n  <<: *b\n");
        assertEquals(Map.of("port", "2222", "user", "root"), ((Map<?, ?>) root).get("host"));
    }

    @Test
    void mergeListEarlierMappingsWin() throws Exception {
        Object root = read("h:\n  <<: [{port: 1, x: 1}, {port: 2, y: 2}]\n  z: 3\n");
        assertEquals(Map.of("port", "1", "x", "1", "y", "2", "z", "3"), ((Map<?, ?>) root).get("h"));
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() throws Exception {
        Object root = read("h:\n  \"<<\": {port: 22}\n");
        assertEquals(Map.of("<<", Map.of("port", "22")), ((Map<?, ?>) root).get("h"));
    }

    @Test
    void aliasWithoutAnchorIsAnError() {
        String e = error("a: *eth1\n");
        assertTrue(e.startsWith("s.yml:1:4: error: alias '*eth1' refers to no anchor '&eth1' before it"), e);
    }

    @Test
    void mergeOfAValueIsAnError() {
        String e = error("a: &v x\nb:\n  <<: *v\n");
        assertTrue(e.startsWith("s.yml:3:3: error: the merge key '<<' merges a mapping or a list of mappings, not a value"), e);
    }

    @Test
    void billionLaughsIsRefusedAtTheAliasThatCrossesTheBound() {
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            text.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) text.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            text.append("]\n");
        }
        String e = error(text.toString());
        assertTrue(e.startsWith("s.yml:6:"), e);
        assertTrue(e.contains("aliases in this file repeat more than 1000000 values"), e);
    }

    @Test
    void deepNestingIsRefusedInWords() {
        String e = error("a: " + "[".repeat(1500) + "]".repeat(1500) + "\n");
        assertEquals("s.yml:1:103: error: mappings and lists are nested deeper than 100 levels\n"
                + "  fix: routesync's files need a few levels; check for a runaway indentation or bracket", e);
    }

    @Test
    void filesOverSnakeyamlsDefaultLimitAreRead() throws Exception {
        StringBuilder text = new StringBuilder("routes:\n  main:\n");
        while (text.length() < 4 << 20) text.append("    - 10.1.2.0/24 via 192.0.2.1 dev eth0 metric 100\n");
        Object root = read(text.toString());
        assertTrue(((List<?>) ((Map<?, ?>) ((Map<?, ?>) root).get("routes")).get("main")).size() > 80_000);
    }
}
