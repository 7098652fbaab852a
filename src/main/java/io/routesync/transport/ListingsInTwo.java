package io.routesync.transport;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A large table's listing read in two pieces at once ({@link RouteGrammar#pieces}), the second on a thread
 * of its own: for the plan's early read ({@link EarlyRead}), which ends while the state's load has left
 * the second core idle. The routes are the whole listing's, in order; an error is the first piece's if it
 * has one, else the second's: the error reading the whole gives.
 */
final class ListingsInTwo implements ObservedBuilder.Listings {
    /** Below this (about 20,000 routes), one piece: a thread costs more than it saves. */
    static final int MIN_LENGTH = 1 << 20;

    private final int minLength;

    ListingsInTwo(int minLength) {
        this.minLength = minLength;
    }

    @Override
    public List<Route> parse(String output, Family family, TableId table, Names names, String command) throws OutputException {
        List<RouteGrammar.Piece> pieces = output.length() < minLength ? List.of() : RouteGrammar.pieces(output, 2);
        if (pieces.size() < 2) return RouteGrammar.parseShow(output, family, table, names, command);
        FutureTask<List<Route>> second = new FutureTask<>(() -> RouteGrammar.parseShow(output, pieces.get(1), family, table, names, command));
        Thread t = new Thread(second, "routesync-parse");
        t.setDaemon(true);
        t.start();
        List<Route> first;
        try {
            first = RouteGrammar.parseShow(output, pieces.get(0), family, table, names, command);
        } catch (OutputException | RuntimeException | Error e) {
            second.cancel(false);
            throw e;
        }
        try {
            List<Route> rest = second.get();
            List<Route> all = new ArrayList<>(first.size() + rest.size());
            all.addAll(first);
            all.addAll(rest);
            return all;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutputException o) throw o;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + command, e);
        }
    }
}
