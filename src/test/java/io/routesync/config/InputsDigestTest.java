package io.routesync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inputs digest is an on-disk contract (apply records): hashing file by file must give what it always gave. */
class InputsDigestTest {
    @Test
    void isTheDigestOfNameNulContentNulThenTheVariables() throws Exception {
        List<SourceFile> files = List.of(new SourceFile("a.yml", "routes:\n  main:\n    - default via 192.0.2.1 dev eth0\n"),
                new SourceFile("b\u00e9.yml", "# caf\u00e9 \u2211 \ud83d\ude00\ntables: {}\n"), new SourceFile("empty.yml", ""));
        Variables vars = Variables.commandLine(Map.of("gw", "192.0.2.1", "net", "10.0.0.0/8"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (SourceFile f : files) sha.update((f.name() + "\0" + f.content() + "\0").getBytes(StandardCharsets.UTF_8));
        for (String name : vars.names()) sha.update((name + "=" + vars.lookup(name) + "\0").getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(sha.digest()), InputsDigest.of(files, vars));
    }

    /** later() reads the variables when called (templating is not thread-safe) and hashes the files only when asked. */
    @Test
    void laterReadsTheVariablesNowAndGivesTheSameDigest() {
        List<SourceFile> files = List.of(new SourceFile("a.yml", "tables: {}\n"));
        Map<String, String> values = new java.util.TreeMap<>(Map.of("gw", "192.0.2.1"));
        int[] lookups = {0};
        Variables vars = new Variables() {
            public String lookup(String name) {
                lookups[0]++;
                return values.get(name);
            }

            public java.util.Set<String> names() {
                return values.keySet();
            }

            public String origin() {
                return "by any --var";
            }

            public String howToDefine(String name) {
                return "pass --var " + name + "=VALUE";
            }
        };
        String now = InputsDigest.of(files, vars);
        java.util.function.Supplier<String> later = InputsDigest.later(files, vars);
        int afterLater = lookups[0];
        values.put("gw", "198.51.100.1");
        assertEquals(now, later.get());
        assertEquals(afterLater, lookups[0]);
    }
}
