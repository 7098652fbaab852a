package io.routesync.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an interfaces file's {@code source PATTERN} and {@code source-directory DIR} lines take in: only
 * files the user handed in (never the disk), matched by their absolute paths. A relative pattern is
 * relative to the directory of the file that has the line, as ifupdown reads it; shell wildcards
 * ({@code * ? [...]}) match within one path component; matches are taken in path order, as glob sorts
 * them; {@code source-directory} takes the files directly in DIR whose names match {@code
 * ^[a-zA-Z0-9_-]+$} (interfaces(5)).
 */
final class Includes {
    private static final Pattern DIRECTORY_ENTRY = Pattern.compile("[a-zA-Z0-9_-]+");

    private final List<FormatFile> files;

    Includes(List<FormatFile> files) {
        this.files = files;
    }

    /** The given files {@code pattern} (as written on a line of {@code from}) matches. */
    List<FormatFile> source(String pattern, FormatFile from) {
        Pattern p = glob(absolute(pattern, from));
        List<FormatFile> out = new ArrayList<>();
        for (FormatFile f : files) {
            if (p.matcher(f.path()).matches()) out.add(f);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /** The given files directly in a directory {@code pattern} matches, with names interfaces(5) allows. */
    List<FormatFile> sourceDirectory(String pattern, FormatFile from) {
        Pattern p = glob(absolute(pattern, from));
        List<FormatFile> out = new ArrayList<>();
        for (FormatFile f : files) {
            int slash = f.path().lastIndexOf('/');
            if (slash > 0 && p.matcher(f.path().substring(0, slash)).matches()
                    && DIRECTORY_ENTRY.matcher(f.path().substring(slash + 1)).matches()) {
                out.add(f);
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private static String absolute(String pattern, FormatFile from) {
        String p = pattern;
        if (!p.startsWith("/")) {
            int slash = from.path().lastIndexOf('/');
            p = (slash <= 0 ? "" : from.path().substring(0, slash)) + "/" + p;
        }
        // a pure string operation: no file is looked at
        String normal = Path.of(p).normalize().toString();
        return normal.length() > 1 && normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    }

    /** A shell wildcard pattern as a regular expression on whole paths. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            // as in the shell, a wildcard at the start of a name does not match a leading dot
            if ((c == '*' || c == '?' || c == '[') && (i == 0 || pattern.charAt(i - 1) == '/')) re.append("(?!\\.)");
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
                int end = pattern.indexOf(']', i + 2);
                String set = pattern.substring(i + 1, end);
                if (set.startsWith("!")) set = "^" + set.substring(1);
                re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
