package io.routesync.config.state;

import io.routesync.config.SourcePos;

/** One word handed to the iproute2 grammar, with the place in the YAML it came from. */
record Token(String text, SourcePos pos) {
}
