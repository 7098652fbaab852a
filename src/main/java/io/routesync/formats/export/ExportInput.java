package io.routesync.formats.export;

import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Interface;

/**
 * What an export is made from: the desired state, the protocol number routesync tags its entries
 * with on this host ({@code --proto-number}), the names to describe entries with in messages and
 * comments, and the interface for entries that name none and have no table interface (null: refuse
 * them; see {@link Anchors}).
 */
public record ExportInput(DesiredState state, int protocolTag, Names names, Interface fallback) {
}
