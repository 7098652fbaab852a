package io.routesync.cli;

import java.util.List;
import java.util.Locale;

/**
 * The {@code --format} of show, plan and explain: the command's own text form (YAML for show, text for
 * plan and explain), {@code json} where the command has it, and the pictures {@code dot} (Graphviz source)
 * and {@code svg} (rendered by Graphviz's {@code dot}). The older {@code --json} flag stays as a synonym of
 * {@code --format json}; both at once must agree.
 */
enum OutputFormat {
    TEXT, JSON, DOT, SVG;

    /**
     * @param value   the {@code --format} word, or null when not given
     * @param json    whether {@code --json} was given
     * @param text    the command's word for its text form ("yaml" or "text")
     * @param allowed the words the command accepts, in the order the error lists them
     */
    static OutputFormat choose(String value, boolean json, String text, List<String> allowed) throws UserError {
        if (value == null) return json ? JSON : TEXT;
        String word = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(word)) {
            throw new UserError(ExitCodes.USAGE, "--format " + value + ": expected one of " + String.join(", ", allowed));
        }
        OutputFormat f = word.equals(text) ? TEXT : valueOf(word.toUpperCase(Locale.ROOT));
        if (json && f != JSON) throw new UserError(ExitCodes.USAGE, "--json and --format " + word + " ask for two formats: give one");
        return f;
    }

    boolean isPicture() {
        return this == DOT || this == SVG;
    }
}
