package io.routesync.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bad-input corpus in {@code src/test/resources/config/bad}, as data any test can run: the loader
 * test checks the diagnostics, the CLI test can run {@code routesync validate} on the same files and
 * check exit code 65 and the same text.
 *
 * <p>A case is {@code NN-name.yml} (one state file) or a folder {@code NN-name/} (its {@code *.yml}
 * files, in name order, as several states of one host), with {@code NN-name.expected}: every diagnostic
 * exactly as printed, one {@link Diagnostic#format()} after another, each ending in a newline. Optional
 * {@code NN-name.vars} holds {@code name=value} lines, given as {@code --var name=value}. Diagnostics
 * name the files relative to the {@code bad} folder ({@code 33-conflicting-routes/b.yml}); a CLI test
 * run from elsewhere passes the same relative names or strips its own prefix.
 */
public final class BadInputCases {

    /** One case: its name, its state files (relative to {@link #directory()}), variables, expected output. */
    public record Case(String name, List<String> files, Map<String, String> vars, String expected) {

        /** The state files as read by the loader, named relative to the bad folder. */
        public List<SourceFile> sources() {
            List<SourceFile> out = new ArrayList<>();
            for (String f : files) out.add(new SourceFile(f, read(directory().resolve(f))));
            return out;
        }

        /** The variables as {@code --var} arguments: {@code name=value}. */
        public List<String> varArgs() {
            List<String> out = new ArrayList<>();
            vars.forEach((k, v) -> out.add(k + "=" + v));
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputCases() {
    }

    /** The folder holding the cases (the copy on the test class path). */
    public static Path directory() {
        URL url = BadInputCases.class.getResource("/config/bad");
        if (url == null) throw new IllegalStateException("config/bad is not on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case, in name order. */
    public static List<Case> all() {
        Path dir = directory();
        List<Case> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String file = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    out.add(load(dir, file, yamlFilesIn(p, file)));
                } else if (file.endsWith(".yml")) {
                    out.add(load(dir, file.substring(0, file.length() - 4), List.of(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> yamlFilesIn(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> name + "/" + f.getFileName()).filter(f -> f.endsWith(".yml")).sorted().toList();
        }
    }

    private static Case load(Path dir, String name, List<String> files) {
        Path expected = dir.resolve(name + ".expected");
        Path vars = dir.resolve(name + ".vars");
        return new Case(name, files, Files.exists(vars) ? parseVars(read(vars)) : Map.of(),
                Files.exists(expected) ? read(expected) : null);
    }

    private static Map<String, String> parseVars(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
