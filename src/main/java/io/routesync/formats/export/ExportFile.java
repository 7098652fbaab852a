package io.routesync.formats.export;

/** One file of an export: its name (no directory) and its whole text. */
public record ExportFile(String name, String text) {
}
