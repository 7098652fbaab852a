package io.routesync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same problem at the same place is one diagnostic naming every host it concerns. */
class HostDiagnosticsTest {
    @Test
    void identicalProblemsAreFoldedAndTheHostsNamed() {
        HostDiagnostics d = new HostDiagnostics();
        Diagnostic shared = Diagnostic.error(new SourcePos("states/a.yml", 3, 5), "variable 'x' is not defined", "set x");
        for (int i = 1; i <= 7; i++) d.add("edge" + i, shared);
        d.add("edge2", Diagnostic.warning(new SourcePos("states/a.yml", 1, 1), "a rule without priority", ""));
        assertEquals(List.of(
                "states/a.yml:3:5: error: hosts edge1, edge2, edge3, edge4, edge5 and 2 more: variable 'x' is not defined\n  fix: set x",
                "states/a.yml:1:1: warning: host edge2: a rule without priority"),
                d.folded().stream().map(Diagnostic::format).toList());
    }
}
