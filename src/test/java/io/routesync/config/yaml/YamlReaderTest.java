package io.routesync.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static YamlNode read(String text) throws InvalidInputException {
        return YamlReader.read(new SourceFile("s.yml", text));
    }

    @Test
    void keepsPositionsOfKeysAndValues() throws Exception {
        YamlNode.Mapping root = (YamlNode.Mapping) read("tables:\n  uplink2: 102\nrules:\n  - { priority: 1000 }\n");
        YamlNode.Field tables = root.field("tables");
        assertEquals("s.yml:1:1", tables.keyPos().toString());
        YamlNode.Field uplink = ((YamlNode.Mapping) tables.value()).field("uplink2");
        assertEquals("s.yml:2:3", uplink.keyPos().toString());
        YamlNode.Scalar id = assertInstanceOf(YamlNode.Scalar.class, uplink.value());
        assertEquals("102", id.text());
        assertEquals("s.yml:2:12", id.pos().toString());
        YamlNode.Sequence rules = (YamlNode.Sequence) root.get("rules");
        YamlNode.Mapping rule = (YamlNode.Mapping) rules.items().get(0);
        assertEquals("s.yml:4:7", rule.field("priority").keyPos().toString());
    }

    @Test
    void keepsScalarTextAsWritten() throws Exception {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 0x10\nb: ~\nc: \"{{ x }}\"\nd: 010\n");
        assertEquals("0x10", ((YamlNode.Scalar) root.get("a")).text());
        assertTrue(((YamlNode.Scalar) root.get("b")).isNull());
        assertEquals("{{ x }}", ((YamlNode.Scalar) root.get("c")).text());
        assertEquals("010", ((YamlNode.Scalar) root.get("d")).text());
    }

    @Test
    void reportsEveryDuplicateKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("a: 1\nb: 2\na: 3\nb: 4\n"));
        assertEquals(2, e.diagnostics().size());
        assertEquals("s.yml:3:1: error: duplicate key 'a' (first at line 1)\n  fix: keep one 'a:' per mapping",
                e.diagnostics().get(0).format());
    }

    @Test
    void unquotedVariableIsExplained() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("rules:\n  - { from: {{ addr }} }\n"));
        String text = e.diagnostics().get(0).format();
        assertTrue(text.startsWith("s.yml:2:"), text);
        assertTrue(text.contains("quoted"), text);
    }

    @Test
    void syntaxErrorHasPosition() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("tables:\n  a: 1\n b: 2\n"));
        String text = e.diagnostics().get(0).format();
        assertTrue(text.startsWith("s.yml:3:"), text);
        assertTrue(text.contains("YAML syntax error"), text);
    }

    @Test
    void unquotedVariableInAFlowMappingPointsAtTheBraces() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("rules:\n  - { from: {{ addr }}, table: main }\n"));
        assertEquals("s.yml:2:13: error: a '{{ variable }}' must be quoted in YAML\n"
                + "  fix: write \"{{ name }}\" (in double quotes); unquoted, YAML reads the braces as a mapping",
                e.diagnostics().get(0).format());
    }

    @Test
    void syntaxErrorsNameNoParserClasses() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("a: { b: [1, 2 }\n"));
        String text = e.diagnostics().get(0).format();
        assertTrue(text.contains("YAML syntax error"), text);
        assertTrue(!text.contains("org.yaml") && !text.contains("Event"), text);
    }
}
