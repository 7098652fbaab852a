package io.routesync.formats;

/**
 * One input file: {@code name} as diagnostics show it (the path the user gave), {@code path} the absolute
 * normalised path that {@code source} lines are matched against, and its text.
 */
public record FormatFile(String name, String path, String text) {
}
