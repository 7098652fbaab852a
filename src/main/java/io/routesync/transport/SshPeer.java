package io.routesync.transport;

import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;

/**
 * An ssh connection as the host sees it ({@code SSH_CONNECTION}): the client's address and port, and
 * the host's own address and port. The management path is the host's reply from {@code server} to
 * {@code client}: the address the controller (or its jump host) connects from.
 */
public record SshPeer(IpAddress client, int clientPort, IpAddress server, int serverPort) {

    public SshPeer {
        if (client.family() != server.family()) {
            throw new InvalidValueException("ssh peer " + client + " and host address " + server + " differ in family", "one family");
        }
    }

    /** Parses {@code CLIENT CPORT SERVER SPORT} (the probe prints it with zones removed and IPv4 unmapped). */
    public static SshPeer parse(String text) {
        String[] w = text.trim().split(" +");
        if (w.length != 4) throw new InvalidValueException("'" + text + "' is not an ssh connection", "CLIENT PORT SERVER PORT");
        return new SshPeer(IpAddress.parse(w[0]), port(w[1]), IpAddress.parse(w[2]), port(w[3]));
    }

    private static int port(String word) {
        try {
            int p = Integer.parseInt(word);
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidValueException("'" + word + "' is not a port", "1-65535");
    }

    @Override
    public String toString() {
        return client + ":" + clientPort + " -> " + server + ":" + serverPort;
    }
}
