package io.routesync.apply;

import io.routesync.transport.TransportException;

/**
 * An apply whose script started but whose answer did not come back whole (a lost connection, a
 * timeout, output cut at its cap), and whose re-read or rollback failed too: the host may be partly
 * changed. Never "unreachable": the message says what the batch held and how far the rollback got.
 */
public final class IncompleteApplyException extends TransportException {
    IncompleteApplyException(String message, TransportException cause) {
        super(message, false, cause);
    }
}
