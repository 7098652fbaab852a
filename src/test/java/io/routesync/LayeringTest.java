package io.routesync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package order of README's Layout, pinned: each package uses only the packages before it
 * (a package's sub-packages count as the package), so data flows one way, from the model up to the
 * command line. Packages on one level may use each other, but never both ways. The pure core (model,
 * iproute2, config, plan, saved, lookup, formats, render) also stays free of processes, files, network, clock
 * and environment, so it is tested with plain strings; the inventory's directory reader is its one
 * deliberate edge.
 */
class LayeringTest {
    private static final List<Set<String>> LEVELS = List.of(
            Set.of("model"),
            Set.of("iproute2"),
            Set.of("config", "plan", "saved", "lookup", "git", "formats"),
            Set.of("transport"),
            Set.of("apply"),
            Set.of("run"),
            Set.of("render"),
            Set.of("cli", "demo", "bench"));
    private static final List<String> PURE = List.of("model", "iproute2", "config", "plan", "saved", "lookup", "formats", "render");
    private static final Set<String> EDGES = Set.of("config/inventory/DirectorySource.java");
    private static final Pattern EFFECT = Pattern.compile(
            "^\\s*import\\s+(java\\.nio\\.file\\.Files|java\\.io\\.File(Input|Output)?Stream|java\\.io\\.File;|java\\.net\\.)"
                    + "|ProcessBuilder|Runtime\\.getRuntime|System\\.(currentTimeMillis|nanoTime|getenv|getProperty)"
                    + "|Instant\\.now|Clock\\.system|LocalDateTime\\.now|new Random\\(\\)|ThreadLocalRandom",
            Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("\\bio\\.routesync\\.([a-z0-9]+)\\.");
    private static final Path ROOT = Path.of("src/main/java/io/routesync");

    @Test
    void eachPackageUsesOnlyThePackagesBeforeIt() throws IOException {
        List<String> offences = new ArrayList<>();
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path f : sources()) {
            String pkg = topPackage(f);
            Integer level = level(pkg);
            if (level == null) {
                offences.add(relative(f) + ": package " + pkg + " has no place in the order");
                continue;
            }
            Matcher m = USE.matcher(code(Files.readString(f)));
            while (m.find()) {
                String used = m.group(1);
                if (used.equals(pkg)) continue;
                Integer usedLevel = level(used);
                if (usedLevel == null || usedLevel > level) offences.add(relative(f) + " uses " + used + ", which comes after " + pkg);
                else uses.computeIfAbsent(pkg, k -> new TreeSet<>()).add(used);
            }
        }
        uses.forEach((pkg, used) -> used.stream().filter(u -> uses.getOrDefault(u, Set.of()).contains(pkg))
                .filter(u -> pkg.compareTo(u) < 0).forEach(u -> offences.add(pkg + " and " + u + " use each other")));
        assertEquals(List.of(), offences.stream().distinct().toList());
    }

    @Test
    void thePureCoreHasNoSideEffects() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path f : sources()) {
            if (!PURE.contains(topPackage(f)) || EDGES.contains(relative(f))) continue;
            Matcher m = EFFECT.matcher(Files.readString(f));
            while (m.find()) offences.add(relative(f) + ": " + m.group().strip());
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void theOrderNamesEveryPackage() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path f : sources()) packages.add(topPackage(f));
        for (String p : packages) assertTrue(level(p) != null, p + " is missing from LEVELS (and from README's Layout)");
        assertTrue(sources().size() > 100, "the sources were found");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> p.getParent() != null && !p.getParent().equals(ROOT))
                    .sorted().toList();
        }
    }

    private static String topPackage(Path f) {
        return ROOT.relativize(f).getName(0).toString();
    }

    private static String relative(Path f) {
        return ROOT.relativize(f).toString();
    }

    private static Integer level(String pkg) {
        for (int i = 0; i < LEVELS.size(); i++) {
            if (LEVELS.get(i).contains(pkg)) return i;
        }
        return null;
    }

    /** The source without comments and string literals: a link in a comment is not a use. */
    private static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ").replaceAll("\"(\\\\.|[^\"\\\\\\n])*\"", "\"\"");
    }
}
