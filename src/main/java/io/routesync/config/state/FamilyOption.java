package io.routesync.config.state;

import io.routesync.model.Family;
import java.util.List;

/**
 * The {@code ip} options a pasted string entry may start with: {@code -4}, {@code -6} and
 * {@code -f}/{@code -family inet|inet6} (iproute2 takes any abbreviation of {@code -family}, and
 * {@code --} for {@code -}). They decide the family, as they do for {@code ip}; without one the family
 * comes from the addresses (IPv4 when there are none). Every other option is refused, because it would
 * mean something routesync cannot honour (another family, another namespace, a batch file) or nothing.
 */
final class FamilyOption {
    /** The family the options chose (null: none given) and the words after them. */
    record Split(Family family, List<Token> words) {
    }

    private FamilyOption() {
    }

    /** Splits {@code words}; null after reporting an error through {@code reader}. */
    static Split split(List<Token> words, NodeReader reader, String entry) {
        Family family = null;
        Token chosenBy = null;
        int i = 0;
        while (i < words.size() && words.get(i).text().startsWith("-")) {
            Token t = words.get(i);
            String opt = t.text().startsWith("--") ? t.text().substring(1) : t.text();
            Family f;
            if (opt.equals("-4")) {
                f = Family.INET;
            } else if (opt.equals("-6")) {
                f = Family.INET6;
            } else if (opt.length() >= 2 && "-family".startsWith(opt)) {
                if (i + 1 >= words.size()) {
                    reader.error(t.pos(), "'" + t.text() + "' needs a family after it", t.text() + " inet or " + t.text() + " inet6");
                    return null;
                }
                Token value = words.get(++i);
                if (value.text().equals("inet")) {
                    f = Family.INET;
                } else if (value.text().equals("inet6")) {
                    f = Family.INET6;
                } else {
                    reader.error(value.pos(), "family '" + value.text() + "' is not one routesync manages",
                            "inet or inet6 (routesync manages IPv4 and IPv6 " + entry + "s only)");
                    return null;
                }
            } else {
                reader.error(t.pos(), "'" + t.text() + "' is an ip option that a " + entry + " entry cannot carry",
                        "only -4, -6 or -family inet|inet6 before the words that follow 'ip " + entry + " add'"
                                + (opt.equals("-0") || opt.equals("-M") || opt.equals("-B")
                                        ? " (routesync manages IPv4 and IPv6 only)" : ""));
                return null;
            }
            if (family != null && family != f) {
                reader.error(t.pos(), "'" + t.text() + "' contradicts '" + chosenBy.text() + "' before it",
                        "one family option: -4 or -6");
                return null;
            }
            family = f;
            chosenBy = t;
            i++;
        }
        if (i >= words.size()) {
            reader.error(words.get(words.size() - 1).pos(), "this " + entry + " has only options and no words after them",
                    "-6 followed by what follows 'ip -6 " + entry + " add'");
            return null;
        }
        return new Split(family, i == 0 ? words : words.subList(i, words.size()));
    }
}
