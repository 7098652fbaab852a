package io.routesync.formats;

import io.routesync.config.SourcePos;

/** One word of an input line (or a value standing for one) and where it was written. */
record Word(String text, SourcePos pos) {
}
