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
}
