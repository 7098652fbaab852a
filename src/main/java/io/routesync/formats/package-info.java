/**
 * {@code routesync import --from FORMAT}: reads the policy routing that other tools configure (ifupdown's
 * {@code /etc/network/interfaces}, shell scripts and {@code ip -batch} files, netplan YAML,
 * systemd-networkd {@code .network} files) into rules and routes, each with the {@code file:line} it
 * came from, and lists everything it could not translate with the reason. Every {@code ip route}/{@code
 * ip rule} word goes through the one iproute2 grammar ({@code io.routesync.iproute2}), netplan through
 * the project's YAML reader ({@code io.routesync.config.yaml}).
 *
 * <p>Data never becomes code: scripts and {@code up} lines are parsed, never run; {@code $VAR}s are
 * replaced only by values the same file sets; {@code source} lines are followed only into files the
 * caller handed in. Pure: the caller reads the files and passes their text ({@link
 * io.routesync.formats.FormatFile}); uses only model, iproute2 and config. See docs/import-formats.md.
 * Export, the other way, is {@code io.routesync.formats.export}.
 */
package io.routesync.formats;
