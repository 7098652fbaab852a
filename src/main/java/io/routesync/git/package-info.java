/**
 * Desired state from git, read with JGit and no checkout: {@link io.routesync.git.GitSource} opens a
 * local repository in place or a URL through a bare clone in the cache (fetched, with a fall-back on
 * the last fetch), resolves a ref to a {@link io.routesync.git.RepoCommit}, whose
 * {@link io.routesync.git.CommitTree} is an {@link io.routesync.config.inventory.InventorySource}, so
 * the inventory and state readers work on a commit as on a directory.
 * {@link io.routesync.git.RepoLayout} finds {@code inventory/} and {@code states/},
 * {@link io.routesync.git.CommitInputs} reads them with diagnostics named {@code SHORT_ID:path}, and
 * {@link io.routesync.git.CommitSignatures} checks SSH commit signatures against git's
 * allowed-signers file. Pull mode, built on these, is in {@code io.routesync.run.pull}.
 *
 * <p>Only {@link io.routesync.git.RepoLocation} is pure; everything else reads the repository or the
 * network.
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) it uses {@code io.routesync.config} and its
 * sub-packages (the same readers run on a commit's tree), JGit and the JDK's crypto, files and clock.
 */
package io.routesync.git;
