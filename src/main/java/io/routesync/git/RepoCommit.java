package io.routesync.git;

import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One resolved commit: its id, the ref it was resolved from, and its tree to read files from.
 * Diagnostics name files as {@code SHORT_ID:path}, the way {@code git show} spells a file at a commit.
 */
public record RepoCommit(String id, String ref, String subject, CommitTree tree, RevCommit revCommit) {
    static final int SHORT = 12;

    /** The first 12 hex digits: enough to be unique in any real repository, short enough to read. */
    public String shortId() {
        return id.substring(0, SHORT);
    }

    /** How a file at this commit is named in messages: {@code 0123456789ab:states/edge.yml}. */
    public String label(String path) {
        return shortId() + ":" + path;
    }

    /** {@code 0123456789ab (main)}: the commit and the ref it was resolved from, for messages. */
    public String describe() {
        return ref.equals(id) ? shortId() : shortId() + " (" + ref + ")";
    }
}
