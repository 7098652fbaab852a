/**
 * Saved plans ({@code plan --out FILE}, {@code apply FILE}): the versioned JSON file format, written
 * and read back exactly, with an integrity digest so an edited file is refused. Pure: text in, values
 * out; applying a saved plan is {@code io.routesync.apply.SavedPlanApplier}.
 */
package io.routesync.saved;
