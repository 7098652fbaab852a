package io.routesync.config;

/**
 * The text of one input file and the name diagnostics show for it. Config code works on these, not
 * on paths, so the same loader reads a checkout, a git commit's tree or a test's string.
 */
public record SourceFile(String name, String content) {
}
