package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.BadInputCases;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.Variables;
import io.routesync.model.Ownership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad state in {@code config/bad} is refused with exactly the diagnostics in its {@code .expected}
 * file. To regenerate on purpose: {@code mvn test -Dtest=BadInputTest -Droutesync.regenerate=true},
 * then read every changed file before committing it.
 */
class BadInputTest {

    static List<BadInputCases.Case> cases() {
        return BadInputCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsDiagnostics(BadInputCases.Case c) throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StateLoader.load(c.sources(), Variables.commandLine(c.vars()), Ownership.DEFAULT_PROTOCOL_TAG));
        StringBuilder actual = new StringBuilder();
        for (Diagnostic d : e.diagnostics()) actual.append(d.format()).append('\n');
        if (System.getProperty("routesync.regenerate") != null) {
            Files.writeString(Path.of("src/test/resources/config/bad", c.name() + ".expected"), actual);
            return;
        }
        assertNotNull(c.expected(), c.name() + ".expected is missing");
        assertEquals(c.expected(), actual.toString());
    }

    @Test
    void thereAreAtLeastThirtyCases() {
        assertTrue(cases().size() >= 30, "only " + cases().size() + " bad-input cases");
    }
}
