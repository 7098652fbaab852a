package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token in the query string of --repo ({@code ?private_token=...}) is refused before any fetch, with its
 * value masked in the message, and reaches neither the server, the cache (no directory, no config) nor any
 * output, --debug included. Only 127.0.0.1 is contacted (and it is not, which is the point).
 */
class RepoQueryStringTest {
    private static final String SECRET = "Qu3ryS3cret-77";

    @TempDir
    Path dir;

    @Test
    void aQueryStringTokenIsRefusedMaskedAndNeverStoredOrSent() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/net/routing.git?private_token=" + SECRET;
            Path cache = dir.resolve("cache");
            for (List<String> args : List.of(
                    List.of("pull", "--repo", url, "--cache-dir", cache.toString(), "--state-dir", dir.resolve("state").toString()),
                    List.of("pull", "--repo", url, "--cache-dir", cache.toString(), "--state-dir",
                            dir.resolve("state").toString(), "--report", dir.resolve("report.json").toString(), "--debug"))) {
                CliRunner.Result r = CliRunner.run(args);
                assertEquals(64, r.exitCode(), r::toString);
                assertFalse(r.toString().contains(SECRET), r::toString);
                assertTrue(r.err().contains("?private_token=***': a https:// URL with a query string"), r::toString);
            }
            assertEquals(0, requests.get(), "nothing was fetched");
            for (Path root : List.of(cache, dir.resolve("state"), dir.resolve("report.json"))) {
                if (!Files.exists(root)) continue;
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        assertFalse(p.toString().contains(SECRET), p.toString());
                        if (Files.isRegularFile(p)) assertFalse(Files.readString(p).contains(SECRET), p.toString());
                    }
                }
            }
        } finally {
            server.stop(0);
        }
    }
}
