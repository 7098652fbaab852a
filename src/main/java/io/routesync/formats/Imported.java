package io.routesync.formats;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import io.routesync.iproute2.Names;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.List;

/**
 * What an import read: the rules and routes in the order the files make them, each with where it was
 * written, and every line or value that could not be translated ({@link Diagnostic}s, errors: file:line
 * and why). Entries without {@code proto}/{@code protocol} carry the protocol tag the import was given,
 * as a state file's entries do. {@code names} are the table and protocol names the words were read with.
 */
public record Imported(List<Sourced<Rule>> rules, List<Sourced<Route>> routes, List<Diagnostic> problems, Names names) {
    public Imported {
        rules = List.copyOf(rules);
        routes = List.copyOf(routes);
        problems = problems.stream().sorted().toList();
    }

    /** An entry and the place that made it. */
    public record Sourced<T>(T entry, SourcePos at) {
    }
}
