package vn.commops.common.privacy;

/** Why contacts were erased: a person's request (handled by the data-protection officer) or the retention period. */
public enum ErasureCause {
    REQUEST, RETENTION
}
