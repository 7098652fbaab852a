package io.routesync.git;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a repository is, as given to {@code --repo}: a local path (read in place), or a URL
 * ({@code file://}, {@code https://}, {@code http://}, {@code ssh://}, {@code git://}, or scp-like
 * {@code user@host:path}) that is fetched into a bare clone in the cache. Pure: no file is touched.
 *
 * <p>A URL may carry credentials ({@code https://user:password@host/...}, {@code https://TOKEN@host/...}).
 * They are kept apart: {@link #fetchUrl()} is the URL without them (what is stored and what JGit is
 * given), {@link #credentials()} holds them for the fetch only, and {@link #display()} and
 * {@link #redact(String)} mask them in every message. Over {@code ssh://} the user name is no secret
 * (it names the account, like {@code git@}) and stays; a password there is masked like any other.
 */
public record RepoLocation(String given, boolean remote) {
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
    // scp-like syntax as git reads it: a colon before any slash, and not a Windows drive letter
    private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?[^@/:]{2,}:.*");
    // the query or fragment of a URL (after scheme://): its values, up to the next & ; # or blank, are masked
    // (punctuation that ends a sentence, "URL: error", stays)
    private static final Pattern QUERY = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^?#\\s]*)([?#][^\\s'\"]*?)(?=[.,:;)]*(?:[\\s'\"]|$))");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?#&;]|^)([^=&;#]*=)?[^&;#]*");
    // scheme://USERINFO@ where USERINFO runs to the last @ of the authority (so an unencoded @ in a password is covered)
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#\\s]*)@");
    /** Secrets shorter than this are not searched for in free text: they would mask ordinary words. */
    private static final int MIN_LITERAL = 4;

    /** The user name and password a URL carried; the password is empty for a token-only URL. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }

    public RepoLocation {
        if (given == null || given.isBlank()) throw new IllegalArgumentException("--repo needs a path or URL");
    }

    /** Reads {@code --repo}; an unsupported URL scheme is refused here, before any fetch. */
    public static RepoLocation parse(String given) {
        Matcher url = URL.matcher(given);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "http":
                case "https":
                case "ssh":
                case "git":
                    refuseQuery(given, scheme);
                    return new RepoLocation(given, true);
                case "file":
                    return new RepoLocation(given, true);
                default:
                    throw new IllegalArgumentException("--repo '" + mask(given) + "': unsupported scheme " + scheme
                            + ":// (use a local path, file://, https://, http://, ssh:// or git://)");
            }
        }
        if (!given.startsWith("/") && !given.startsWith(".") && SCP.matcher(given).matches()) {
            return new RepoLocation(given, true);
        }
        return new RepoLocation(given, false);
    }

    /**
     * Refuses a query string ({@code https://host/r.git?private_token=...}): git appends its own paths
     * ({@code /info/refs?service=...}) to the URL, so a query never reaches the server as meant, and a
     * token there would otherwise be kept in the clone's config and name and quoted in messages. Credentials
     * go in the user part, where they are kept apart. The message shows the query's values masked.
     */
    private static void refuseQuery(String given, String scheme) {
        if (given.indexOf('?') < 0 && given.indexOf('#') < 0) return;
        throw new IllegalArgumentException("--repo '" + mask(given) + "': a " + scheme + ":// URL with a query string (?...)"
                + " or fragment (#...) is not supported: git adds its own path to the URL, and a token there would be"
                + " stored with the clone; give a token as https://TOKEN@host/path (it is used for the fetch only)");
    }

    /** The location as messages, reports and records show it: credentials replaced by {@code ***}. */
    public String display() {
        return mask(given);
    }

    /** {@code text} (a message that may quote the URL, or parts of it) with every credential replaced by {@code ***}. */
    public String redact(String text) {
        String out = mask(text.replace(given, display()));
        Optional<Credentials> c = credentials();
        if (c.isPresent()) {
            // as written in the URL and as decoded; the user name only when it is the token itself
            Matcher m = USERINFO.matcher(given);
            String raw = m.lookingAt() ? m.group(2) : "";
            int colon = raw.indexOf(':');
            out = maskLiteral(maskLiteral(out, colon < 0 ? "" : raw.substring(colon + 1)), c.get().password());
            if (c.get().password().isEmpty()) out = maskLiteral(maskLiteral(out, raw), c.get().user());
        }
        return out;
    }

    /** The URL without credentials: what the cache's config records and what JGit fetches from. */
    public String fetchUrl() {
        Matcher m = USERINFO.matcher(given);
        if (!remote || !m.lookingAt()) return given;
        String userinfo = m.group(2);
        if (isSsh(m.group(1))) {
            int colon = userinfo.indexOf(':');
            return colon < 0 ? given : m.group(1) + userinfo.substring(0, colon) + "@" + given.substring(m.end());
        }
        return m.group(1) + given.substring(m.end());
    }

    /** The credentials the URL carries, decoded as JGit decodes them; empty when it has none (an ssh user name is none). */
    public Optional<Credentials> credentials() {
        Matcher m = USERINFO.matcher(given);
        if (!remote || !m.lookingAt()) return Optional.empty();
        String userinfo = m.group(2);
        int colon = userinfo.indexOf(':');
        if (isSsh(m.group(1)) && colon < 0) return Optional.empty();
        String user = colon < 0 ? userinfo : userinfo.substring(0, colon);
        String password = colon < 0 ? "" : userinfo.substring(colon + 1);
        return Optional.of(new Credentials(decode(user), decode(password)));
    }

    /** The local path of a non-remote location. */
    public Path path() {
        if (remote) throw new IllegalStateException(display() + " is not a local path");
        return Path.of(given);
    }

    /**
     * The directory name of this repository's bare clone in the cache: the last part of the URL made
     * safe, and a hash of the URL without credentials, so two repositories with the same name never
     * share a clone, a new token keeps the clone, and the name tells nothing about the token.
     */
    public String cacheName() {
        return cacheName(fetchUrl());
    }

    /**
     * The name earlier versions of routesync gave the clone, hashing the URL with its credentials; empty when it
     * is {@link #cacheName()} (no credentials). Such a clone is moved to the new name and cleaned.
     */
    public Optional<String> legacyCacheName() {
        String legacy = cacheName(given);
        return legacy.equals(cacheName()) ? Optional.empty() : Optional.of(legacy);
    }

    private static String cacheName(String url) {
        int scheme = url.indexOf("://");
        String tail = (scheme < 0 ? url : url.substring(scheme + 3)).replaceAll("[/:]+$", "");
        tail = tail.substring(Math.max(tail.lastIndexOf('/'), tail.lastIndexOf(':')) + 1);
        if (tail.endsWith(".git")) tail = tail.substring(0, tail.length() - 4);
        tail = tail.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (tail.isEmpty() || tail.startsWith(".")) tail = "repo" + tail;
        if (tail.length() > 40) tail = tail.substring(0, 40);
        // "https://h/r" and "https://h/r/" are one repository
        return tail + "-" + hash(url.replaceAll("/+$", "")).substring(0, 16) + ".git";
    }

    /**
     * {@code text} with the userinfo of every URL in it masked: all of it, but the user name of ssh://.
     * The last line of defence for text that may quote a URL whose {@link RepoLocation} is not at hand
     * (error paragraphs, --debug stack traces).
     */
    public static String maskCredentials(String text) {
        return mask(text);
    }

    static String mask(String text) {
        return maskQueries(maskUserinfo(text));
    }

    /** Every value in the query or fragment of every URL in {@code text} replaced by {@code ***}; names stay. */
    private static String maskQueries(String text) {
        Matcher m = QUERY.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Matcher v = QUERY_VALUE.matcher(m.group(2));
            StringBuilder q = new StringBuilder();
            while (v.find()) {
                if (v.group().isEmpty()) continue;
                v.appendReplacement(q, Matcher.quoteReplacement(v.group(1) + (v.group(2) == null ? "" : v.group(2)) + "***"));
            }
            v.appendTail(q);
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + q));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String maskUserinfo(String text) {
        Matcher m = USERINFO.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String userinfo = m.group(2);
            int colon = userinfo.indexOf(':');
            String masked = isSsh(m.group(1)) && colon < 0 ? userinfo
                    : isSsh(m.group(1)) ? userinfo.substring(0, colon) + ":***" : "***";
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + masked + "@"));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String maskLiteral(String text, String secret) {
        if (secret.length() < MIN_LITERAL) return text;
        return text.replace(secret, "***");
    }

    private static boolean isSsh(String schemePrefix) {
        String scheme = schemePrefix.substring(0, schemePrefix.length() - 3).toLowerCase(Locale.ROOT);
        return scheme.equals("ssh") || scheme.equals("git+ssh") || scheme.equals("ssh+git");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
