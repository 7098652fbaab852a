package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.failures;
import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is particular to Ansible's INI format: quoting, comments, sections and declarations. */
class IniInventoryTest {

    private static Host host(String ini, String name) throws Exception {
        return Fixtures.read(files("hosts.ini", ini), "hosts.ini").host(name).orElseThrow();
    }

    @Test
    void aCommentAfterAVarsValueIsKeptUnlessPythonReadsTheValueAnyway() throws Exception {
        // checked with ansible-inventory 2.14: literal_eval skips a comment only where the rest is a Python literal
        String ini = "[g]\nh1\n[g:vars]\na = edge ; a comment\nb = True # c\nc = foo # c\nd = 22 # c\ne=\"x\" # c\n";
        Host h1 = Fixtures.read(files("hosts.ini", ini), "hosts.ini").host("h1").orElseThrow();
        assertEquals(Map.of("a", "edge ; a comment", "b", "True", "c", "foo # c", "d", "22", "e", "x"), Fixtures.vars(h1));
    }

    @Test
    void aPortWithALeadingZeroIsRefusedBecauseAnsibleReadsItAsOctal() {
        assertEquals(List.of("hosts.yml:1:20: error: host h1: ansible_port '0022' has a leading zero, which Ansible's YAML reads as an octal number"
                        + " (0022 is port 18)\n  fix: ansible_port must be a port number, 1-65535"),
                failures(files("hosts.yml", "all: {hosts: {h1: {ansible_port: 0022}}}\n"), "hosts.yml"));
    }

    @Test
    void hostLineValuesAreSplitLikeShellWordsAndUnquotedLikePythonLiterals() throws Exception {
        String ini = String.join("\n",
                "; a comment",
                "# another",
                "[edge]",
                "edge1 motd=\"hello world\" secret=\"'03#pa33w0rd'\" states=\"['base', 'dual-uplink']\" empty='' cut=abc#def ignored=1",
                "");
        Map<String, Object> vars = Fixtures.vars(host(ini, "edge1"));
        assertEquals("hello world", vars.get("motd"));
        assertEquals("03#pa33w0rd", vars.get("secret"));
        assertEquals("abc", vars.get("cut"));
        assertEquals(List.of("base", "dual-uplink"), vars.get("states"));
        assertEquals("", vars.get("empty"));
        assertEquals(5, vars.size());
    }

    @Test
    void varsSectionValuesTakeTheWholeRestOfTheLine() throws Exception {
        String ini = String.join("\n",
                "[edge]",
                "edge1",
                "[edge:vars]",
                "motd = hello world   ",
                "quoted=\"a # not a comment\"",
                "flag=False ; a comment",
                "map={'dev': 'eth1', 'table': 102}",
                "notalist=[unclosed",
                "");
        Map<String, Object> vars = Fixtures.vars(host(ini, "edge1"));
        assertEquals("hello world", vars.get("motd"));
        assertEquals("a # not a comment", vars.get("quoted"));
        assertEquals("False", vars.get("flag"));
        assertEquals(Map.of("dev", "eth1", "table", "102"), vars.get("map"));
        assertEquals("[unclosed", vars.get("notalist"));
    }

    @Test
    void childrenMayBeDeclaredAfterTheyAreNamed() throws Exception {
        String ini = "[edge:children]\nedge_dc1\n[edge:vars]\nx=edge\n[edge_dc1]\nedge1\n[edge_dc1:vars]\ny=dc1\n";
        Inventory inv = Fixtures.read(files("hosts.ini", ini), "hosts.ini");
        assertEquals(List.of("edge1"), inv.groups().get("edge").hosts());
        assertEquals(Map.of("x", "edge", "y", "dc1"), Fixtures.vars(inv.host("edge1").orElseThrow()));
    }

    @Test
    void everyProblemInAnIniFileIsReported() {
        String ini = String.join("\n",
                "[edge]",
                "edge1 ansible_port",                     // 2: not key=value
                "edge2 motd=\"unclosed",                  // 3: unclosed quote
                "[edge:hosts]",                            // 4: fine, same as [edge]
                "[edge:child]",                            // 5: unknown section type
                "[edge children]",                         // 6: space in the header
                "[core:vars]",                             // 7: core is never declared
                "x=1",
                "[edge:children]",
                "edge_dc9",                                // 10: never declared
                "[edge:vars]",
                "no equals sign",                          // 12
                "2x=3",                                    // 13
                "");
        assertEquals(List.of(
                "hosts.ini:2:7: error: expected key=value after the host name, got 'ansible_port'\n"
                        + "  fix: write host variables as name=value (quote values with spaces: name=\"a b\")",
                "hosts.ini:3:12: error: cannot split this host line: no closing quotation mark (\")\n"
                        + "  fix: close the quote, or quote the whole value: key=\"value with spaces\"",
                "hosts.ini:5:1: error: section [edge:child] has an unknown type 'child' (did you mean 'children'?)\n"
                        + "  fix: a section is [group], [group:vars] or [group:children]",
                "hosts.ini:6:1: error: invalid section header '[edge children]'\n"
                        + "  fix: write [group], [group:vars] or [group:children], without spaces",
                "hosts.ini:7:1: error: [core:vars] is for group 'core', which is not declared\n"
                        + "  fix: declare it with a [core] or [core:children] section, or fix the name",
                "hosts.ini:10:1: error: [edge:children] names group 'edge_dc9', which is not declared\n"
                        + "  fix: declare it with a [edge_dc9] section (it may be empty) or fix the name",
                "hosts.ini:12:1: error: expected key=value in [edge:vars], got 'no equals sign'\n"
                        + "  fix: write one name=value per line",
                "hosts.ini:13:1: warning: '2x' is not a name a template can refer to: nothing can use this variable\n"
                        + "  fix: a variable name is letters, digits and '_', and does not start with a digit"),
                failures(files("hosts.ini", ini), "hosts.ini"));
    }

    @Test
    void aYamlFileReadAsIniSaysSo() {
        assertEquals(List.of("hosts.ini:1:1: error: '---' in an INI inventory: this looks like a YAML file\n"
                        + "  fix: give a YAML inventory a .yml or .yaml name"),
                failures(files("hosts.ini", "---\nall:\n"), "hosts.ini"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hosts.yml   | [edge]            | YAML",
        "hosts.yaml  | edge1             | YAML",
        "hosts.json  | {}                | YAML",
        "hosts.ini   | all:              | INI",
        "hosts       | all:              | YAML",
        "hosts       | '# c\n\nall: # x' | YAML",
        "hosts       | ---               | YAML",
        "hosts       | [edge]            | INI",
        "hosts       | edge1:2222        | INI",
        "hosts       | edge1 a=b         | INI",
        "hosts       | ''                | INI",
    })
    void formatIsDetectedByExtensionThenContent(String path, String content, InventoryFormat expected) {
        assertEquals(expected, InventoryFormat.detect(path, content.replace("\\n", "\n")));
    }
}
