package io.routesync.git;

import io.routesync.config.Nearest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves what {@code --ref} names (a branch, a tag, a commit id or a prefix of one, {@code HEAD},
 * or any revision git accepts, like {@code main~1}) to a commit, the way {@code git rev-parse REF^{commit}}
 * does. An unknown ref is answered with the branches and tags there are.
 */
final class RefResolver {
    private static final int LISTED = 8;

    private RefResolver() {
    }

    static RepoCommit resolve(Repository repository, String ref, String repoName) throws GitSourceException {
        if (ref == null || ref.isBlank() || ref.startsWith("-") || ref.contains("\n")) {
            throw new GitSourceException(GitSourceException.Kind.UNKNOWN_REF, "'" + ref + "' is not a valid ref");
        }
        ObjectId id;
        try {
            id = repository.resolve(ref + "^{commit}");
        } catch (AmbiguousObjectException e) {
            throw new GitSourceException(GitSourceException.Kind.UNKNOWN_REF, "ref '" + ref + "' is ambiguous in " + repoName
                    + ": several objects start with it; give more digits of the commit id");
        } catch (IncorrectObjectTypeException e) {
            throw new GitSourceException(GitSourceException.Kind.UNKNOWN_REF, "ref '" + ref + "' in " + repoName + " does not name a commit");
        } catch (RevisionSyntaxException e) {
            throw unknown(repository, ref, repoName);
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot read " + repoName + ": " + e.getMessage(), e);
        }
        if (id == null) throw unknown(repository, ref, repoName);
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(id);
            walk.parseBody(commit);
            return new RepoCommit(id.name(), ref, commit.getShortMessage(), new CommitTree(repository, commit.getTree().getId()), commit);
        } catch (MissingObjectException e) {
            throw unknown(repository, ref, repoName);
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot read commit " + id.name() + " of " + repoName + ": " + e.getMessage(), e);
        }
    }

    private static GitSourceException unknown(Repository repository, String ref, String repoName) {
        TreeSet<String> branches = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        try {
            for (Ref r : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) branches.add(Repository.shortenRefName(r.getName()));
            for (Ref r : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) tags.add(Repository.shortenRefName(r.getName()));
        } catch (IOException e) {
            // the message below still names the ref; the lists are a courtesy
        }
        List<String> all = new ArrayList<>(branches);
        all.addAll(tags);
        StringBuilder s = new StringBuilder("unknown ref '").append(ref).append("' in ").append(repoName).append(Nearest.hint(ref, all));
        if (branches.isEmpty() && tags.isEmpty()) return new GitSourceException(GitSourceException.Kind.UNKNOWN_REF, s.append(": it has no branches or tags").toString());
        s.append(": ");
        if (!branches.isEmpty()) s.append("branches: ").append(few(branches));
        if (!branches.isEmpty() && !tags.isEmpty()) s.append("; ");
        if (!tags.isEmpty()) s.append("tags: ").append(few(tags));
        s.append(". Give a branch, a tag or a commit id");
        return new GitSourceException(GitSourceException.Kind.UNKNOWN_REF, s.toString());
    }

    private static String few(TreeSet<String> names) {
        List<String> shown = new ArrayList<>(names).subList(0, Math.min(LISTED, names.size()));
        String list = String.join(", ", shown);
        return names.size() > LISTED ? list + " and " + (names.size() - LISTED) + " more" : list;
    }
}
