package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.BadInputCases;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad-input case of the state loader, through the command line: exit 65, exactly the expected
 * diagnostics on stderr, nothing on stdout, no Java stack trace.
 */
class BadInputCliTest {

    static Stream<BadInputCases.Case> cases() {
        return BadInputCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateExits65WithTheDiagnostics(BadInputCases.Case c) {
        List<String> args = new ArrayList<>(List.of("validate"));
        for (String f : c.files()) args.addAll(List.of("-f", BadInputCases.directory().resolve(f).toString()));
        for (String v : c.varArgs()) args.addAll(List.of("--var", v));
        CliRunner.Result run = CliRunner.run(args);
        assertEquals(65, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        String err = run.err().replace(BadInputCases.directory() + "/", "");
        assertTrue(err.startsWith(c.expected().strip()), () -> "expected:\n" + c.expected() + "\nbut stderr was:\n" + err);
        assertTrue(err.strip().endsWith("nothing was changed."), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
