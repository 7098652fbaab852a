package io.routesync.git;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourcePos;
import io.routesync.config.inventory.InventorySource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the inventory file and the states directory are inside a commit: given paths, or the
 * conventional {@code inventory/} (its {@code hosts.yml}, {@code hosts.yaml}, {@code hosts.ini} or
 * {@code hosts}, or its only file) and {@code states/} at the top. A missing one is a diagnostic that
 * names the commit.
 */
public record RepoLayout(String inventoryFile, String statesDir) {
    public static final String INVENTORY_DIR = "inventory";
    public static final String STATES_DIR = "states";
    private static final List<String> INVENTORY_NAMES = List.of("hosts.yml", "hosts.yaml", "hosts.ini", "hosts");

    /**
     * Finds the layout of {@code commit}. {@code inventory} may name a file or a directory inside the
     * repository; {@code states} a directory. Every problem is reported at once.
     */
    public static RepoLayout find(RepoCommit commit, Optional<String> inventory, Optional<String> states) throws InvalidInputException {
        InventorySource tree = commit.tree();
        List<Diagnostic> problems = new ArrayList<>();
        String file = null;
        try {
            file = inventoryFile(commit, tree, inventory.map(RepoLayout::clean).orElse(INVENTORY_DIR), inventory.isPresent(), problems);
            String statesDir = states.map(RepoLayout::clean).orElse(STATES_DIR);
            if (!isDirectory(tree, statesDir)) {
                problems.add(Diagnostic.error(SourcePos.file(commit.label(statesDir + "/")),
                        "there is no " + statesDir + "/ directory at commit " + commit.describe(),
                        states.isPresent() ? "check the path given to --states (a directory inside the repository)"
                                : "commit the desired states under " + STATES_DIR + "/, or give --states DIR inside the repository"));
            }
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            return new RepoLayout(file, statesDir);
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourcePos.file(commit.label(file == null ? INVENTORY_DIR : file)), "cannot read: " + e.getMessage(), ""));
            throw new InvalidInputException(problems);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(Diagnostic.error(SourcePos.file(commit.label(inventory.orElse(states.orElse("")))),
                    e.getMessage(), "give paths relative to the top of the repository, without '..'")));
        }
    }

    private static String inventoryFile(RepoCommit commit, InventorySource tree, String path, boolean given, List<Diagnostic> problems)
            throws IOException {
        if (tree.read(path).isPresent()) return path;
        if (!isDirectory(tree, path)) {
            problems.add(Diagnostic.error(SourcePos.file(commit.label(given ? path : path + "/")),
                    "there is no " + (given ? path : path + "/ directory") + " at commit " + commit.describe(),
                    given ? "check the path given to --inventory (a file or directory inside the repository)"
                            : "commit an inventory as " + INVENTORY_DIR + "/hosts.yml, or give --inventory PATH inside the repository"));
            return null;
        }
        List<String> files = new ArrayList<>();
        for (InventorySource.Entry e : tree.list(path)) {
            if (!e.directory()) files.add(e.name());
        }
        for (String name : INVENTORY_NAMES) {
            if (files.contains(name)) return InventorySource.join(path, name);
        }
        if (files.size() == 1) return InventorySource.join(path, files.get(0));
        problems.add(Diagnostic.error(SourcePos.file(commit.label(path + "/")),
                (files.isEmpty() ? "no inventory file in " : "no hosts.yml in ") + path + "/ at commit " + commit.describe()
                        + (files.isEmpty() ? "" : " (found " + String.join(", ", files) + ")"),
                "name the inventory " + path + "/hosts.yml, or give --inventory " + path + "/FILE"));
        return null;
    }

    private static boolean isDirectory(InventorySource tree, String path) throws IOException {
        String parent = InventorySource.parent(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return tree.list(parent).stream().anyMatch(e -> e.directory() && e.name().equals(name));
    }

    private static String clean(String path) {
        String p = path.strip();
        while (p.startsWith("./")) p = p.substring(2);
        while (p.endsWith("/") && p.length() > 1) p = p.substring(0, p.length() - 1);
        return p;
    }
}
