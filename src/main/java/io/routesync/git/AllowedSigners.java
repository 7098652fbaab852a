package io.routesync.git;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * git's allowed-signers file ({@code gpg.ssh.allowedSignersFile}) read the way {@code ssh-keygen -Y verify}
 * reads it (ssh-keygen(1), ALLOWED SIGNERS; OpenSSH's {@code sshsig.c}): per line
 * {@code PRINCIPALS [OPTIONS] KEYTYPE BASE64 [COMMENT]}, where PRINCIPALS is a comma-separated pattern
 * list (or one double-quoted string) and OPTIONS a comma-separated list of {@code cert-authority},
 * {@code namespaces="..."}, {@code valid-after="..."}, {@code valid-before="..."}. Blank lines and
 * {@code #} comments are skipped. A line ssh-keygen cannot read is skipped as it skips it, and noted,
 * so one bad line neither breaks the others nor goes unnoticed. Pure: the text is given.
 */
record AllowedSigners(String file, List<Entry> entries, List<String> skipped) {
    private static final Pattern TIME = Pattern.compile("(\\d{8}|\\d{12}|\\d{14})(Z|UTC)?", Pattern.CASE_INSENSITIVE);

    AllowedSigners {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    /**
     * One usable line. {@code principals} is the pattern list as written (unquoted), {@code namespaces}
     * null when the line does not limit them, the times epoch seconds or null, {@code key} the decoded
     * public key blob (of the CA when {@code certAuthority}).
     */
    record Entry(int line, String principals, boolean certAuthority, String namespaces, Long validAfter, Long validBefore,
            String keyType, byte[] key) {
    }

    /** Reads {@code text}; times without {@code Z} are local time in {@code zone}, as ssh-keygen reads them. */
    static AllowedSigners parse(String file, String text, ZoneId zone) {
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            try {
                Entry e = parseLine(i + 1, line, zone);
                if (e != null) entries.add(e);
            } catch (IllegalArgumentException e) {
                skipped.add(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new AllowedSigners(file, entries, skipped);
    }

    private static Entry parseLine(int number, String line, ZoneId zone) {
        int i = skipSpace(line, 0);
        if (i == line.length() || line.charAt(i) == '#') return null;
        // principals: one token, or a double-quoted string (OpenSSH's strdelimw)
        String principals;
        if (line.charAt(i) == '"') {
            int close = line.indexOf('"', i + 1);
            if (close < 0) throw new IllegalArgumentException("the principals have no closing quote");
            principals = line.substring(i + 1, close);
            i = close + 1;
        } else {
            int end = tokenEnd(line, i);
            principals = line.substring(i, end);
            i = end;
        }
        i = skipSpace(line, i);
        if (i == line.length()) throw new IllegalArgumentException("there is no key after the principals");
        // a key right after the principals, else options and then the key
        Key key = readKey(line, i);
        Options options = new Options();
        if (key == null) {
            int end = optionsEnd(line, i);
            options = Options.parse(line.substring(i, end), zone);
            i = skipSpace(line, end);
            if (i == line.length()) throw new IllegalArgumentException("there is no key after the options");
            key = readKey(line, i);
            if (key == null) throw new IllegalArgumentException("invalid key '" + abbreviate(line.substring(i)) + "'");
        }
        return new Entry(number, principals, options.certAuthority, options.namespaces, options.validAfter, options.validBefore,
                key.type, key.blob);
    }

    private record Key(String type, byte[] blob) {
    }

    /** A public key {@code TYPE BASE64} at {@code from}, or null when there is none (as sshkey_read fails). */
    private static Key readKey(String line, int from) {
        int typeEnd = tokenEnd(line, from);
        String type = line.substring(from, typeEnd);
        int b = skipSpace(line, typeEnd);
        if (b == typeEnd || b == line.length()) return null;
        String base64 = line.substring(b, tokenEnd(line, b));
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // the blob names its own type first, and it must be the one written before it
        if (blob.length < 4) return null;
        long length = ((blob[0] & 0xffL) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (length > blob.length - 4) return null;
        String inner = new String(blob, 4, (int) length, StandardCharsets.US_ASCII);
        if (!inner.equals(type)) return null;
        return new Key(type, blob);
    }

    private static final class Options {
        boolean certAuthority;
        String namespaces;
        Long validAfter;
        Long validBefore;

        // sshsig.c sshsigopt_parse: names case-insensitive, values double-quoted, options separated by commas
        static Options parse(String text, ZoneId zone) {
            Options o = new Options();
            int i = 0;
            while (i < text.length()) {
                String rest = text.substring(i).toLowerCase(Locale.ROOT);
                if (rest.startsWith("cert-authority")) {
                    o.certAuthority = true;
                    i += "cert-authority".length();
                } else if (rest.startsWith("namespaces=")) {
                    if (o.namespaces != null) throw new IllegalArgumentException("bad options: more than one namespaces=");
                    i += "namespaces=".length();
                    Quoted q = dequote(text, i, "namespaces");
                    o.namespaces = q.value;
                    i = q.end;
                } else if (rest.startsWith("valid-after=")) {
                    if (o.validAfter != null) throw new IllegalArgumentException("bad options: more than one valid-after=");
                    i += "valid-after=".length();
                    Quoted q = dequote(text, i, "valid-after");
                    o.validAfter = time(q.value, "valid-after", zone);
                    i = q.end;
                } else if (rest.startsWith("valid-before=")) {
                    if (o.validBefore != null) throw new IllegalArgumentException("bad options: more than one valid-before=");
                    i += "valid-before=".length();
                    Quoted q = dequote(text, i, "valid-before");
                    o.validBefore = time(q.value, "valid-before", zone);
                    i = q.end;
                }
                if (i == text.length()) break;
                if (text.charAt(i) != ',') {
                    throw new IllegalArgumentException("bad options: unknown option '" + abbreviate(text.substring(i)) + "'"
                            + " (known: cert-authority, namespaces=\"...\", valid-after=\"...\", valid-before=\"...\")");
                }
                i++;
                if (i == text.length()) throw new IllegalArgumentException("bad options: a comma ends them");
            }
            if (o.validAfter != null && o.validBefore != null && o.validBefore <= o.validAfter) {
                throw new IllegalArgumentException("bad options: valid-before is not after valid-after");
            }
            return o;
        }
    }

    private record Quoted(String value, int end) {
    }

    // OpenSSH's opt_dequote: the value must be quoted; \" stands for a quote inside it
    private static Quoted dequote(String text, int from, String option) {
        if (from >= text.length() || text.charAt(from) != '"') {
            throw new IllegalArgumentException("bad options: the value of " + option + "= must be in double quotes");
        }
        StringBuilder b = new StringBuilder();
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') i++;
            b.append(text.charAt(i++));
        }
        if (i >= text.length()) throw new IllegalArgumentException("bad options: the value of " + option + "= has no closing quote");
        return new Quoted(b.toString(), i + 1);
    }

    /** YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, then Z or UTC for UTC, else local time (misc.c parse_absolute_time). */
    static long time(String value, String option, ZoneId zone) {
        Matcher m = TIME.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad options: invalid " + option + " time '" + value + "' (YYYYMMDD[Z],"
                    + " YYYYMMDDHHMM[Z] or YYYYMMDDHHMMSS[Z])");
        }
        String d = m.group(1);
        try {
            LocalDateTime t = LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8))).atStartOfDay();
            if (d.length() >= 12) t = t.withHour(Integer.parseInt(d.substring(8, 10))).withMinute(Integer.parseInt(d.substring(10, 12)));
            if (d.length() == 14) t = t.withSecond(Integer.parseInt(d.substring(12, 14)));
            long epoch = m.group(2) != null ? t.toEpochSecond(ZoneOffset.UTC) : t.atZone(zone).toEpochSecond();
            if (epoch <= 0) throw new DateTimeException("before 1970");
            return epoch;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad options: invalid " + option + " time '" + value + "': " + e.getMessage());
        }
    }

    // sshkey_advance_past_options: up to the first space or tab outside double quotes
    private static int optionsEnd(String line, int from) {
        boolean quoted = false;
        int i = from;
        for (; i < line.length() && (quoted || !isSpace(line.charAt(i))); i++) {
            if (line.charAt(i) == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') i++;
            else if (line.charAt(i) == '"') quoted = !quoted;
        }
        if (quoted) throw new IllegalArgumentException("invalid options: a quote is not closed");
        return i;
    }

    private static int tokenEnd(String line, int from) {
        int i = from;
        while (i < line.length() && !isSpace(line.charAt(i))) i++;
        return i;
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) i++;
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
