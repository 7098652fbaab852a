package io.routesync.transport;

/** What a script run on a target printed, and how it exited. */
public record ScriptResult(int exitCode, String stdout, String stderr) {
}
