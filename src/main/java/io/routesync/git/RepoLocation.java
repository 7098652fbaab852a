package io.routesync.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a repository is, as given to {@code --repo}: a local path (read in place), or a URL
 * ({@code file://}, {@code https://}, {@code http://}, {@code ssh://}, {@code git://}, or scp-like
 * {@code user@host:path}) that is fetched into a bare clone in the cache. Pure: no file is touched.
 */
public record RepoLocation(String given, boolean remote) {
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
    // scp-like syntax as git reads it: a colon before any slash, and not a Windows drive letter
    private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?[^@/:]{2,}:.*");
    private static final Pattern SECRET = Pattern.compile("(://[^/@:]*):[^/@]*@");

    public RepoLocation {
        if (given == null || given.isBlank()) throw new IllegalArgumentException("--repo needs a path or URL");
    }

    /** Reads {@code --repo}; an unsupported URL scheme is refused here, before any fetch. */
    public static RepoLocation parse(String given) {
        Matcher url = URL.matcher(given);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "file":
                case "http":
                case "https":
                case "ssh":
                case "git":
                    return new RepoLocation(given, true);
                default:
                    throw new IllegalArgumentException("--repo '" + given + "': unsupported scheme " + scheme
                            + ":// (use a local path, file://, https://, http://, ssh:// or git://)");
            }
        }
        if (!given.startsWith("/") && !given.startsWith(".") && SCP.matcher(given).matches()) {
            return new RepoLocation(given, true);
        }
        return new RepoLocation(given, false);
    }

    /** The location as messages show it: a password in a URL is replaced by {@code ***}. */
    public String display() {
        return SECRET.matcher(given).replaceFirst("$1:***@");
    }

    /** {@code text} (a message that may quote the URL) with any password in a URL replaced by {@code ***}. */
    public String redact(String text) {
        return SECRET.matcher(text.replace(given, display())).replaceAll("$1:***@");
    }

    /** The local path of a non-remote location. */
    public Path path() {
        if (remote) throw new IllegalStateException(given + " is not a local path");
        return Path.of(given);
    }

    /**
     * The directory name of this repository's bare clone in the cache: the last part of the URL made
     * safe, and a hash of the whole URL so two repositories with the same name never share a clone.
     */
    public String cacheName() {
        int scheme = given.indexOf("://");
        String tail = (scheme < 0 ? given : given.substring(scheme + 3)).replaceAll("[/:]+$", "");
        tail = tail.substring(Math.max(tail.lastIndexOf('/'), tail.lastIndexOf(':')) + 1);
        if (tail.endsWith(".git")) tail = tail.substring(0, tail.length() - 4);
        tail = tail.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (tail.isEmpty() || tail.startsWith(".")) tail = "repo" + tail;
        if (tail.length() > 40) tail = tail.substring(0, 40);
        // "https://h/r" and "https://h/r/" are one repository
        return tail + "-" + hash(given.replaceAll("/+$", "")).substring(0, 16) + ".git";
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
