package vn.commops.indicator.indicator;

/** How an indicator's value behaves over time, which decides how targets are prorated and cascaded. */
public enum AggregationType {
    /** A count that accumulates over the period: expected-by-now is the target times the share elapsed,
     *  and children's targets may not add up to more than their parent's. */
    SUM,
    /** A rate or average (attendance per conference, participants per million VND): judged whole at any time. */
    AVERAGE,
    /** A level at the end of the period (coverage of the population): judged whole at any time. */
    LAST
}
