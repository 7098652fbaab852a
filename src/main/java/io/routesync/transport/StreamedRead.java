package io.routesync.transport;

import io.routesync.iproute2.RouteFeed;

/**
 * A read whose route sections are parsed while its output comes ({@link RouteFeed}), on the watcher's
 * thread: a plan's early read ({@link EarlyRead}) of a large table then parses most of the dump while
 * the kernel still prints it, instead of after the script's end. The reading is the same either way: what
 * the feed did not parse exactly as the final parse splits it is parsed then, as before.
 */
final class StreamedRead implements OutputWatcher {
    private final RouteFeed feed;
    /** Whether {@link #watch} has returned, and whether the feed read the whole output then (guarded by this). */
    private boolean ended;
    private boolean whole;

    StreamedRead(String marker) {
        this.feed = new RouteFeed(marker);
    }

    @Override
    public void watch(OutputDrain out) {
        try {
            byte[][] pieces = new byte[out.chunkCount()][];
            int chunk = OutputDrain.chunkSize();
            int seen = 0;
            for (int size; (size = out.follow(seen, pieces)) >= 0; seen = size) {
                for (int at = seen; at < size; ) {
                    int k = at / chunk;
                    int offset = at % chunk;
                    int n = Math.min(chunk - offset, size - at);
                    // a chunk let go of (OutputDrain keeps them while watched): the output is parsed whole after
                    if (pieces[k] == null) return;
                    feed.accept(pieces[k], offset, n);
                    if (offset + n == chunk) pieces[k] = null;
                    at += n;
                }
            }
            feed.finish();
            synchronized (this) {
                whole = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            // nothing is lost: the output is parsed whole afterwards
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The feed, once it has read the whole output (waited for); null when it could not (interrupted too). */
    synchronized RouteFeed fed() {
        try {
            while (!ended) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return whole ? feed : null;
    }
}
