package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.TableId;
import io.routesync.run.HostFailure;
import org.junit.jupiter.api.Test;

/**
 * Valid iproute2 output that routesync cannot model (an interface name the kernel allows but routesync
 * does not, a table name of digits in a hand-written rt_tables) is the host's setup, not a bug: the
 * message names the host, the command and the line, and says so plainly, without asking to report it.
 * A line that really is unexpected still asks to be reported.
 */
class UnsupportedOutputTest {
    private static final String ESC_NAME = "a\u001bb";

    @Test
    void anInterfaceNameWithAnEscapeInARuleIsUnsupportedNotUnexpected() {
        OutputException e = assertThrows(OutputException.class, () -> RuleGrammar.parseShowOutput(
                "0:\tfrom all lookup local\n10:\tfrom all iif " + ESC_NAME + " lookup main\n", Family.INET, Names.builtin(),
                "h1: ip -4 rule list"));
        assertTrue(e.unsupported(), e.getMessage());
        assertUnsupported(e, "h1: ip -4 rule list: line 2: iif: '" + ESC_NAME + "' is not a valid interface name: 10:\tfrom all iif " + ESC_NAME + " lookup main");
    }

    @Test
    void anInterfaceNameWithAnEscapeInARouteIsUnsupportedNotUnexpected() {
        OutputException e = assertThrows(OutputException.class, () -> RouteGrammar.parseShow(
                "default via 192.0.2.1 dev " + ESC_NAME + "\n", Family.INET, TableId.MAIN, Names.builtin(), "h2: ip -4 route list"));
        assertTrue(e.unsupported(), e.getMessage());
        assertUnsupported(e, "h2: ip -4 route list: line 1: dev: '" + ESC_NAME + "' is not a valid interface name: default via");
    }

    @Test
    void aTableNameOfDigitsIsTheHostsSetupNotABug() {
        OutputException e = assertThrows(OutputException.class,
                () -> RtTablesParser.read("h3: /etc/iproute2/rt_tables", "255 local\n100 123\n"));
        assertTrue(e.unsupported(), e.getMessage());
        assertUnsupported(e, "h3: /etc/iproute2/rt_tables: line 2: name '123' is a number");
    }

    @Test
    void aLineRoutesyncDoesNotKnowStillAsksToBeReported() {
        OutputException e = assertThrows(OutputException.class, () -> RuleGrammar.parseShowOutput(
                "10:\tfrom all frobnicate 7 lookup main\n", Family.INET, Names.builtin(), "h1: ip -4 rule list"));
        assertFalse(e.unsupported(), e.getMessage());
        assertTrue(e.explained().startsWith("unexpected output from h1: ip -4 rule list: line 1:"), e.explained());
        assertTrue(e.explained().contains("Please report this line with 'ip -V'"), e.explained());
        // a name the kernel refuses too (a slash) is no host setup either
        OutputException slash = assertThrows(OutputException.class, () -> RouteGrammar.parseShow(
                "default via 192.0.2.1 dev a/b\n", Family.INET, TableId.MAIN, Names.builtin(), "h2: ip -4 route list"));
        assertFalse(slash.unsupported(), slash.getMessage());
    }

    @Test
    void aTypedRuleThatKeptATableIsReadAsItsType() throws Exception {
        // what `ip rule add ... table main blackhole` (systemd-networkd's way) and `table 100 prohibit` show
        var rules = RuleGrammar.parseShowOutput("912:\tfrom 10.6.0.0/16 lookup main blackhole proto static\n"
                + "913:\tfrom 10.7.0.0/16 lookup 100 prohibit\n", Family.INET, Names.builtin(), "h1: ip -4 rule list");
        assertEquals(io.routesync.model.RuleAction.BLACKHOLE, rules.get(0).action());
        assertEquals(null, rules.get(0).table());
        assertEquals(io.routesync.model.RuleAction.PROHIBIT, rules.get(1).action());
        // as a desired rule, two actions are still one too many
        assertThrows(SyntaxException.class, () -> RuleGrammar.parseAdd(Words.split("from 10.6.0.0/16 table main blackhole"), Family.INET,
                Names.builtin(), 245));
    }

    private static void assertUnsupported(OutputException e, String start) {
        String text = e.explained();
        assertTrue(text.startsWith("cannot manage what the host has: " + start), text);
        assertTrue(text.endsWith("\nThe kernel and iproute2 allow this, but routesync cannot manage a host that has it: rename"
                + " it, or leave this host out. Nothing was changed."), text);
        assertFalse(text.contains("Please report"), text);
        HostFailure f = HostFailure.of(e, false);
        assertEquals(text, f.detail());
        assertFalse(f.unreachable());
    }
}
