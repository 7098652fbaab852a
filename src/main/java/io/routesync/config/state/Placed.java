package io.routesync.config.state;

import io.routesync.config.SourcePos;

/** A desired entry and where it was declared, so merge conflicts can name both places. */
record Placed<T>(T value, SourcePos pos) {
}
