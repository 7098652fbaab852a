package io.routesync.git;

/**
 * The repository or ref given on the command line cannot be used. The kind tells the CLI which exit
 * code it stands for; the message is one paragraph that names the repository and what to do.
 */
public final class GitSourceException extends Exception {

    public enum Kind {
        /** The path is not a git repository, or the URL cannot be parsed (a bad command line: 64). */
        NOT_A_REPOSITORY,
        /** The ref names no branch, tag or commit of the repository (a bad command line: 64). */
        UNKNOWN_REF,
        /** The remote could not be fetched and there is no earlier fetch to fall back on (69). */
        UNREACHABLE,
        /** The repository is there but could not be read (1). */
        BROKEN
    }

    private final Kind kind;

    public GitSourceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public GitSourceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
