package io.routesync.run;

/** The two phases a run goes through: every host read and planned, then (apply) the hosts with changes applied. */
public enum Phase {
    PLAN,
    APPLY
}
