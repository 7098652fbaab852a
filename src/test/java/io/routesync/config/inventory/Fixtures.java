package io.routesync.config.inventory;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.yaml.YamlNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers for inventory tests: in-memory trees, reading, and values without positions. */
final class Fixtures {
    private Fixtures() {
    }

    /** A source from alternating path and content arguments. */
    static MemorySource files(String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        return new MemorySource(files);
    }

    /** Reads the inventory and selects every host, so any host's problem fails the read as in a run without --limit. */
    static Inventory read(MemorySource source, String path) throws InvalidInputException {
        return readAll(source, path);
    }

    static Inventory readAll(InventorySource source, String path) throws InvalidInputException {
        Inventory inventory = InventoryReader.read(source, path);
        inventory.check(inventory.hosts());
        return inventory;
    }

    /** The printed diagnostics of a read (selecting every host) that must fail. */
    static List<String> failures(MemorySource source, String path) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(source, path));
        return formatted(e.diagnostics());
    }

    static List<String> formatted(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) out.add(d.format());
        return out;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/inventory/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as plain Java (String, null, List, Map), to compare values whatever their positions. */
    static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Scalar) return ((YamlNode.Scalar) node).text();
        if (node instanceof YamlNode.Sequence) {
            List<Object> items = new ArrayList<>();
            for (YamlNode item : ((YamlNode.Sequence) node).items()) items.add(plain(item));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (YamlNode.Field f : ((YamlNode.Mapping) node).fields()) map.put(f.key(), plain(f.value()));
        return map;
    }

    /** A host's variables, templated, as name -> plain value. */
    static Map<String, Object> vars(Host host) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : host.variables().keySet()) {
            Host.Resolved r = host.resolved(name);
            if (!r.problems().isEmpty()) throw new AssertionError(name + ": " + formatted(r.problems()));
            out.put(name, plain(r.variable().orElseThrow().value()));
        }
        return out;
    }
}
