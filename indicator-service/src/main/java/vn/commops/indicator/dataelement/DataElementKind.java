package vn.commops.indicator.dataelement;

/** Where a data element's values come from. */
public enum DataElementKind {
    /** Summed from activity events; may be restricted to one form in a formula. */
    ACTIVITY,
    /** Reported per unit and period by upload (labour force, population, participants). */
    STATISTIC
}
