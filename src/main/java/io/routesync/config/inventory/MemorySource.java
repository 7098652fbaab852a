package io.routesync.config.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link InventorySource} over file texts held in memory, keyed by path; directories are implied. */
public final class MemorySource implements InventorySource {
    private final TreeMap<String, String> files;

    public MemorySource(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public List<Entry> list(String dir) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        TreeMap<String, Boolean> entries = new TreeMap<>();
        for (String path : files.tailMap(prefix, true).keySet()) {
            if (!path.startsWith(prefix)) break;
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) entries.putIfAbsent(rest, false);
            else entries.put(rest.substring(0, slash), true);
        }
        return entries.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
    }
}
