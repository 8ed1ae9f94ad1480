package vn.commops.indicator.evaluation;

/** Where a unit stands against its target. */
public enum EvaluationStatus {
    /** The value has reached the target. */
    ACHIEVED,
    /** Not reached yet, but at least what the share of the period elapsed calls for. */
    ON_TRACK,
    /** Below what the share of the period elapsed calls for. */
    BEHIND,
    /** No target is set for this indicator, unit and period. */
    NO_TARGET
}
