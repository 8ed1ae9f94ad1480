package vn.commops.indicator.value;

/** Which units a query covers, relative to the unit asked for. */
public enum UnitScope {
    /** The unit itself (its value counts its whole subtree). */
    SELF,
    /** Its direct children. */
    CHILDREN,
    /** Every unit below it, and itself. */
    SUBTREE,
    /** The units of one level ({@code level}) below it. */
    LEVEL
}
