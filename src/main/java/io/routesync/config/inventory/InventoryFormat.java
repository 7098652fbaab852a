package io.routesync.config.inventory;

import java.util.Locale;

/** The two inventory formats Ansible ships, and how to tell which one a file is in. */
enum InventoryFormat {
    YAML, INI;

    /**
     * By extension first (.yml, .yaml and .json are YAML; .ini is INI, as for Ansible's plugins); a
     * file without one (Ansible's classic "hosts") is YAML when its first meaningful line is a
     * mapping key like {@code all:} or a document marker, and INI otherwise.
     */
    static InventoryFormat detect(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) return YAML;
        if (name.endsWith(".ini")) return INI;
        for (String raw : content.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("---") || line.startsWith("{")) return YAML;
            // "all:" or "edge: # comment"; INI's "host:2222" has no space after the colon
            return line.matches("[^\\s=\\[\\]]+:(\\s.*)?") ? YAML : INI;
        }
        return INI;
    }
}
