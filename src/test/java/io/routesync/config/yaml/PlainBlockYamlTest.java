package io.routesync.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain-block reader against the full reader: wherever it reads a text, it must give the very
 * tree (texts, nulls, positions) the full reader builds from snakeyaml's events; everything else it
 * must leave to the full reader.
 */
class PlainBlockYamlTest {

    /** Texts the plain-block reader takes: it must read them as the full reader does. */
    private static final List<String> PLAIN = List.of(
            "tables:\n  bench: 100\nroutes:\n  bench:\n    - 10.0.0.0/28 via 192.0.2.254 dev d0\n    - 10.0.0.16/28 via 192.0.2.254 dev d0\n",
            "routes:\n  main:\n  - default via 192.0.2.1 dev eth0 metric 100\n  - -6 2001:db8::/32 via fe80::1 dev eth1\nrules: []\n".replace("rules: []\n", "rules:\n"),
            "# a comment\n\ntables:   # trailing comment\n  uplink1: 101   \n  uplink2: 0x66 # hex\n\n# between\nroutes:\n  uplink1:\n    - default via 192.0.2.1 dev eth1   # first\n    -   10.1.0.0/16  via  192.0.2.1 dev eth1\n",
            "a: 1\nb:\nc:\n  d: true\n  e: yes\n  f: 1e3\n  g: .5\n  h: 1_000\n  i: +1\n  j: 010\n  k: on\n  l: False\n  m: 0o17\n  n: -1\n",
            "a: x:y\nb: http://x/y\nc: a,b\nd: a=b\ne: 50%\nf: x@y\ng: a_b-c.d/e\nh: 2001:db8::1\n",
            "x:\n  - a\n  - b\ny:\n- c\n- d\nz: 1\n",
            "- a\n- b c\n- -4 d\n",
            "top:\n    deep:\n        deeper:\n            - 1\n            - 2\n        other: 3\n    back: 4\n",
            "a: 1",
            "a:",
            "a:\n",
            "a: 1\n\n\n",
            "a:    \n  b: 2\n",
            "key: value\nnext:   # c\n",
            "a: .inf\nb: .NaN\nc: -.Inf\nd: 0b101\ne: 1:20\nf: 190:20:30\ng: 2001-12-14\nh: 0x_1F\ni: Y\nj: off\nk: +.5e-3\n",
            // one-line double-quoted scalars and flow mappings: the seed state's rules and expectations
            "a: \"quoted\"\nb: \"{{ x }}\"   # c\nc: \"\"\nd: \" sp ace \"\ne: \"null\"\n- \"x\"\n".replace("- \"x\"\n", "f:\n  - \"x\"\n  - \"{{ y }}\"\n"),
            "a: {b: 1}\nc: { d: x, e: \"{{ v }}\" }  # c\nf: {}\ng: { }\n",
            "rules:\n  - { priority: 1000, from: \"{{ uplink2_addr }}\", table: uplink2 }\n  - {to: 10.0.0.0/8,table: 100}\n"
                    + "expect:\n  - { to: 203.0.113.5, unchanged: true }\n  - { from: a b , to: -1, via: x=y }\n");

    /** Texts outside the subset: the plain-block reader must decline them. */
    private static final List<String> NOT_PLAIN = List.of(
            "", "# only a comment\n", "a: 'q'\n", "a: [1, 2]\n", "a: \"q\\\"x\"\n", "a: \"q\n", "a: \"q\n  x\"\n", "a: \"q\"x\n",
            "a: \"q\"#c\n", "a: {b: 1} x\n", "a: {b: 1}#c\n", "a: {b: 1,}\n", "a: {b: 1, b: 2}\n", "a: {b: }\n", "a: {b}\n",
            "a: {\"b\": 1}\n", "a: {b: 'q'}\n", "a: {b: [1]}\n", "a: {b: {c: 1}}\n", "a: {b: 1:2}\n", "a: {b: x #c}\n", "a: {b: null}\n",
            "a: {<<: x}\n", "a: {b:1}\n", "a: {b: 1\n", "a: {b: 1,\n  c: 2}\n", "a: {b: ~}\n", "a: {b: - }\n", "a: {b: *x}\n", "a: &x 1\nb: *x\n",
            "a: !vault 1\n", "<<: {}\n", "a: 1\na: 2\n", "a: |\n  x\n", "a: >\n  x\n", "a: b\n  c\n", "- a\n  b\n",
            "- a: 1\n", "- - a\n", "-\n", "a: ~\n", "a: null\n", "a: NULL\n", "a:\tb\n", "a: b\r\n", "a: é\n",
            "---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n ...\n", "a:b\n", "a: b:\n", "a: b: c\n", "a: {{ x }}\n",
            "a: x{{ y }}\n", "a: #x\n".replace("#x", "b#c"), " a: 1\n", "a: 1\n  b: 2\n", "a:\n    b: 1\n  c: 2\n",
            "a: 1\n- b\n", "? a\n: b\n", "a: *\n", "a: 'x\n", "a: `x`\n", "\"a\": 1\n", "a b: 1\n", "a: x #\n#\n b\n",
            "# \u2211 beyond Latin-1\na: 1\n", "a: 1 # \u00e9\n", "a: x?y\n");

    private static YamlNode full(String name, String text) throws InvalidInputException {
        return YamlReader.readEvents(new SourceFile(name, text));
    }

    @Test
    void readsThePlainSubsetAsTheFullReaderDoes() throws Exception {
        for (String text : PLAIN) {
            YamlNode plain = PlainBlockYaml.read("s.yml", text);
            assertNotNull(plain, () -> "declined: " + text);
            assertEquals(full("s.yml", text), plain, text);
        }
    }

    @Test
    void leavesEverythingElseToTheFullReader() {
        for (String text : NOT_PLAIN) {
            assertNull(PlainBlockYaml.read("s.yml", text), () -> "took: " + text);
        }
    }

    @Test
    void agreesWithTheFullReaderOnEveryYamlFileOfTheTests() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().collect(Collectors.toList());
        }
        int taken = 0;
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            YamlNode plain = PlainBlockYaml.read(p.toString(), text);
            if (plain == null) continue;
            taken++;
            YamlNode expected;
            try {
                expected = full(p.toString(), text);
            } catch (InvalidInputException e) {
                throw new AssertionError(p + ": the plain-block reader took a file the full reader refuses: " + e.diagnostics(), e);
            }
            assertEquals(expected, plain, p.toString());
        }
        assertTrue(taken > 10, "only " + taken + " of " + files.size() + " files were plain blocks");
    }

    /** The shipped states (the seed's flow mappings and quoted variables among them) are read without Jackson and snakeyaml. */
    @Test
    void readsTheShippedStates() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.list(Path.of("states"))) {
            files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.contains(Path.of("states/dual-uplink.yml")), files::toString);
        for (Path p : files) {
            String text = Files.readString(p);
            YamlNode plain = PlainBlockYaml.read(p.toString(), text);
            assertNotNull(plain, p::toString);
            assertEquals(full(p.toString(), text), plain, p.toString());
        }
    }

    @Test
    void readFallsBackToTheFullReaderWithItsDiagnostics() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> YamlReader.read(new SourceFile("s.yml", "a: 1\nb: 2\na: 3\n")));
        assertEquals("s.yml:3:1: error: duplicate key 'a' (first at line 1)\n  fix: keep one 'a:' per mapping",
                e.diagnostics().get(0).format());
    }
}
