package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation with a program ({@link ProcessRunner#converse}, what a session on a host is): the answer
 * gets exactly the output before the awaited line, even when that line arrives split across reads or
 * after megabytes; the program reads the answer as its input; the result holds what came after the line.
 * A program that ends without the line is never answered, and what an answer throws comes out once the
 * program ended.
 */
class ConversationTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static ProcessRunner.Conversation conversation(String awaited, Function<String, byte[]> answer) {
        return new ProcessRunner.Conversation(awaited, answer);
    }

    private static ScriptResult talk(String script, ProcessRunner.Conversation c) throws TransportException {
        return ProcessRunner.converse("sh", List.of("sh", "-c", script), c, Duration.ofSeconds(30));
    }

    @Test
    void theAnswerGetsTheOutputBeforeTheLineAndTheProgramReadsIt() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> talk(
                "echo one; echo 'x await'; echo 'rs1 await not yet'; echo rs1 await; read -r a; read -r b; echo \"got $a $b\"",
                conversation("rs1 await", out -> {
                    seen.set(out);
                    return "first\nsecond\n".getBytes(StandardCharsets.UTF_8);
                })));
        // a line that only contains or starts like the awaited one is not it
        assertEquals("one\nx await\nrs1 await not yet\n", seen.get());
        assertEquals("got first second\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void aProgramThatNeverAsksWithinTheTimeoutDidNotAnswer() throws Exception {
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.converse("sh", List.of("sh", "-c", "sleep 30; echo rs1 await"),
                        conversation("rs1 await", out -> null), Duration.ofSeconds(1))));
        assertEquals("sh did not answer within 1 s; it was stopped", e.getMessage());
        assertTrue(e.unreachable());
    }

    @Test
    void theLaterPartIsMadeWhileTheProgramAlreadyActsOnTheReply(@TempDir Path dir) throws Exception {
        // the program says (a file) that it read the reply; the later part waits for that: were the input
        // written only once whole, neither side would go on
        Path acted = dir.resolve("acted");
        List<String> pieces = new ArrayList<>(List.of("later\n", "last\n"));
        ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> talk(
                "echo rs1 await; read -r a; : > '" + acted + "'; read -r b; read -r c; echo \"got $a $b $c\"",
                new ProcessRunner.Conversation("rs1 await", out -> "now\n".getBytes(StandardCharsets.UTF_8), () -> {
                    // a piece at a time, until there is none
                    if (pieces.isEmpty()) return null;
                    for (int i = 0; i < 500 && !Files.exists(acted); i++) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    String piece = pieces.remove(0);
                    return (Files.exists(acted) ? piece : "too-soon\n").getBytes(StandardCharsets.UTF_8);
                })));
        assertEquals("got now later last\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void aLaterPartSlowerThanTheTimeoutIsNotAnUnreachableHost() throws Exception {
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.converse("sh", List.of("sh", "-c", "echo rs1 await; cat >/dev/null"),
                        new ProcessRunner.Conversation("rs1 await", out -> "now\n".getBytes(StandardCharsets.UTF_8), () -> {
                            sleep(3_000);
                            return null;
                        }), Duration.ofSeconds(1))));
        assertEquals("sh waited longer than the 1 s timeout (--timeout) for the rest of routesync's answer (the apply's record,"
                + " made while its batch runs); it was stopped", e.getMessage());
        assertFalse(e.unreachable());
    }

    @Test
    void noReplyMeansNoLaterPart() throws Exception {
        AtomicReference<Boolean> asked = new AtomicReference<>(false);
        ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> talk("echo rs1 await; cat; echo end",
                new ProcessRunner.Conversation("rs1 await", out -> null, () -> {
                    asked.set(true);
                    return "later\n".getBytes(StandardCharsets.UTF_8);
                })));
        assertEquals("end\n", r.stdout());
        assertEquals(false, asked.get());
    }

    @Test
    void theLineIsFoundAfterMegabytesAndAcrossReads() throws Exception {
        // 3 MB of lines before it (many 64 KiB chunks), and the line itself written in two pieces
        AtomicReference<String> seen = new AtomicReference<>();
        ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> talk(
                "seq 1 400000; printf 'rsab'; sleep 0.2; printf 'c await\\n'; read -r a; echo \"$a\"; seq 1 3",
                conversation("rsabc await", out -> {
                    seen.set(out);
                    return "go\n".getBytes(StandardCharsets.UTF_8);
                })));
        String lines = seen.get();
        assertTrue(lines.startsWith("1\n2\n3\n"), lines.substring(0, 20));
        assertTrue(lines.endsWith("\n399999\n400000\n"), lines.substring(lines.length() - 20));
        assertEquals(400000, lines.chars().filter(ch -> ch == '\n').count());
        assertEquals("go\n1\n2\n3\n", r.stdout());
    }

    @Test
    void aProgramThatEndsWithoutTheLineIsNotAnsweredAndItsWholeOutputComesBack() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> talk("echo locked; echo gone >&2; exit 3",
                conversation("rs1 await", out -> {
                    seen.set(out);
                    return "never\n".getBytes(StandardCharsets.UTF_8);
                })));
        assertNull(seen.get());
        assertEquals("locked\n", r.stdout());
        assertEquals("gone\n", r.stderr());
        assertEquals(3, r.exitCode());
    }

    @Test
    void noAnswerClosesTheInput() throws Exception {
        ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> talk("echo rs1 await; if read -r a; then echo \"got $a\"; else echo skipped; fi",
                conversation("rs1 await", out -> null)));
        assertEquals("skipped\n", r.stdout());
    }

    @Test
    void whatTheAnswerThrewComesOutOnceTheProgramEnded() {
        IllegalStateException thrown = new IllegalStateException("planning failed");
        IllegalStateException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(IllegalStateException.class,
                () -> talk("echo rs1 await; cat >/dev/null; echo done", conversation("rs1 await", out -> {
                    throw thrown;
                }))));
        assertSame(thrown, e);
    }

    @Test
    void theTimeoutCoversTheAnswerAndASlowAnswerIsNotAnUnreachableHost() throws Exception {
        // the program asked in time and waits; the answer (a plan of a large state) takes longer than the timeout
        java.nio.file.Path acted = java.nio.file.Files.createTempDirectory("conversation").resolve("acted");
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.converse("sh", List.of("sh", "-c", "echo rs1 await; read -r a && touch " + acted),
                        conversation("rs1 await", out -> {
                            sleep(3_000);
                            return "go\n".getBytes(StandardCharsets.UTF_8);
                        }), Duration.ofSeconds(2))));
        assertEquals("sh waited longer than the 2 s timeout (--timeout) for routesync's answer, which routesync was still working"
                + " out (the plan of a large state); it was stopped before it got it, so nothing was applied there. A larger"
                + " --timeout gives routesync more time", e.getMessage());
        assertFalse(e.unreachable(), "the program asked in time: not an unreachable host");
        sleep(2_000);
        assertFalse(java.nio.file.Files.exists(acted), "the program never got the late answer");
        java.nio.file.Files.delete(acted.getParent());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
