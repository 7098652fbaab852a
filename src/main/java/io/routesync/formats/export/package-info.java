/**
 * The desired state written in the formats other tools configure routing with: netplan YAML
 * ({@link io.routesync.formats.export.NetplanWriter}, netplan 0.106 as in Debian 12), systemd-networkd
 * {@code .network} files ({@link io.routesync.formats.export.NetworkdWriter}, systemd 252) and ifupdown
 * {@code interfaces} stanzas ({@link io.routesync.formats.export.InterfacesWriter}). All three attach
 * routes and rules to an interface; {@link io.routesync.formats.export.Anchors} decides which one for an
 * entry that names none. What a format cannot express is a {@link io.routesync.formats.export.Refusal},
 * never left out silently (docs/export-formats.md).
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git/formats, transport, apply, run,
 * render, cli) this package uses only model and iproute2. Pure: writers return text; the CLI writes it.
 */
package io.routesync.formats.export;
