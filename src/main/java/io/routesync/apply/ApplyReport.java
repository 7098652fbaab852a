package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.model.HostPlan;
import java.util.List;

/**
 * How an apply on one host ended. {@code applied} is the plan that was run (after any re-plan),
 * {@code after} the host as read at the end, {@code failure} the failing batch line (if any),
 * {@code rollback} the plan that undid it, {@code remaining} what still differs (verify failure, or
 * what a failed rollback left), {@code record} where the record was written, {@code batchNanos} how
 * long the applied plan's {@code ip -batch} runs took on the host (-1 when unknown),
 * {@code writeFailures} the files the apply could not write after its batch ran ("PATH: reason":
 * footprint, record), which make an applied plan a failure to report; {@code expectations} what the
 * kernel answered for each {@code expect:} flow after the batch verified (empty when it was not asked).
 */
public record ApplyReport(
        Outcome outcome,
        HostPlan applied,
        HostReading after,
        BatchFailure failure,
        HostPlan rollback,
        HostPlan remaining,
        String record,
        long batchNanos,
        List<String> writeFailures,
        List<ExpectationCheck.Result> expectations) {

    public ApplyReport {
        writeFailures = List.copyOf(writeFailures);
        expectations = List.copyOf(expectations);
    }

    public ApplyReport(Outcome outcome, HostPlan applied, HostReading after, BatchFailure failure, HostPlan rollback,
            HostPlan remaining, String record, long batchNanos, List<String> writeFailures) {
        this(outcome, applied, after, failure, rollback, remaining, record, batchNanos, writeFailures, List.of());
    }

    public ApplyReport(Outcome outcome, HostPlan applied, HostReading after, BatchFailure failure, HostPlan rollback,
            HostPlan remaining, String record, long batchNanos) {
        this(outcome, applied, after, failure, rollback, remaining, record, batchNanos, List.of());
    }

    /** NO_CHANGES or PLAN_CHANGED: nothing was run on the host; {@code plan} as it stands against {@code reading}. */
    public static ApplyReport notRun(Outcome outcome, HostPlan plan, HostReading reading) {
        return new ApplyReport(outcome, plan, reading, null, null, null, null, -1);
    }

    /** APPLIED and verified: {@code after} is the host as read back. */
    public static ApplyReport applied(HostPlan plan, HostReading after, String record, long batchNanos, List<String> writeFailures) {
        return new ApplyReport(Outcome.APPLIED, plan, after, null, null, null, record, batchNanos, writeFailures);
    }

    /**
     * FAILED_ROLLED_BACK, VERIFY_FAILED_ROLLED_BACK or ROLLBACK_FAILED: {@code attempted} failed for
     * {@code failure} and {@code rollback} was run to take it back; {@code remaining} as in the record.
     */
    public static ApplyReport rolledBack(Outcome outcome, HostPlan attempted, HostReading after, BatchFailure failure,
            HostPlan rollback, HostPlan remaining) {
        return new ApplyReport(outcome, attempted, after, failure, rollback, remaining, null, -1);
    }

    /** This report with the kernel's answers for the expectations, asked after the batch verified. */
    public ApplyReport withExpectations(List<ExpectationCheck.Result> answered) {
        return new ApplyReport(outcome, applied, after, failure, rollback, remaining, record, batchNanos, writeFailures, answered);
    }

    public enum Outcome {
        /** The plan was empty: nothing was run on the host. */
        NO_CHANGES,
        /** Applied and verified. */
        APPLIED,
        /** A batch line failed; every touched entry was restored to its state before the apply. */
        FAILED_ROLLED_BACK,
        /** Applied, but re-reading showed differences; rolled back. */
        VERIFY_FAILED_ROLLED_BACK,
        /** The rollback itself did not restore the host: {@code remaining} says what is left. */
        ROLLBACK_FAILED,
        /** The host changed after it was read and the new plan differs from the approved one. */
        PLAN_CHANGED
    }

    public boolean succeeded() {
        return outcome == Outcome.NO_CHANGES || (outcome == Outcome.APPLIED && writeFailures.isEmpty());
    }
}
