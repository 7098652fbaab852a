/**
 * iproute2's language, both ways: the one package that reads and writes {@code ip} syntax, knows its
 * keywords and its name tables, and turns what a target's read script printed into an observed state.
 * Pure: it runs nothing and reads no file; callers hand it text.
 *
 * <p><b>Reading</b> (text to model). The two grammars are the entry points:
 * {@link io.routesync.iproute2.RuleGrammar} ({@code ip rule add} words, {@code ip rule show} lines) and
 * {@link io.routesync.iproute2.RouteGrammar} ({@code ip route add} words, {@code ip route list} output).
 * Behind them, one reader per form: {@code RuleReader} (rule words, both forms), {@code RouteAddReader}
 * (route words as users write them) and {@code RouteShowParser} over {@code ShowCursor} (route output,
 * read in place because a table may hold a million routes). They share {@code Keywords} (the one table
 * of iproute2's keywords: its abbreviations in its own decision order, the keywords routesync refuses
 * and why), {@code ValueWords} and {@code MetricValues} (one value word and its error),
 * {@code Numbers}, {@code FamilyCheck} (one address family per entry) and {@code RuleFields} /
 * {@code RouteFields} (an entry while it is read; the model validates it). Bad input is a
 * {@link io.routesync.iproute2.SyntaxException} naming the word; output routesync does not understand
 * is an {@link io.routesync.iproute2.OutputException} naming the command and the line, never skipped.
 *
 * <p><b>Writing</b> (model to text). {@link io.routesync.iproute2.IpSyntax} writes an entry as the words
 * after {@code ip rule add} / {@code ip route add}, and {@link io.routesync.iproute2.ChangeSyntax} a
 * change as a batch line or a command; {@code Spelling} alone decides how a value is written. Without
 * names every value is numeric: batch lines, and the text plan and saved files keep, which must mean
 * the same on every machine. With {@link io.routesync.iproute2.Names} tables, protocols and scopes are
 * named, for people (plans, conflicts, lookups, imports). Both forms read back through the grammars as
 * the same entry.
 *
 * <p><b>Name tables.</b> {@link io.routesync.iproute2.Names} holds the names iproute2 uses when reading
 * and printing (tables, protocols, scopes, dsfield, realms, groups, IP protocols): its built-ins
 * ({@code BuiltinNames}, {@code NameTable}) plus the host's files, which
 * {@link io.routesync.iproute2.RtTablesParser} reads exactly as iproute2 6.1 does.
 *
 * <p><b>Readings.</b> {@link io.routesync.iproute2.ReadingParser} splits a read script's output into a
 * {@link io.routesync.iproute2.Reading} (files, command outputs, digest, notes), and
 * {@link io.routesync.iproute2.ObservedBuilder} interprets it as a
 * {@link io.routesync.iproute2.HostReading}: the observed state and the names to show it with;
 * {@link io.routesync.iproute2.RereadDelta} tells a session's re-read from its first reading and the
 * route lines that changed, parsing only those.
 */
package io.routesync.iproute2;
