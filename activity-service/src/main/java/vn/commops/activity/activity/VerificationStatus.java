package vn.commops.activity.activity;

/** Where an activity stands in verification; indicators tell verified figures from merely reported ones. */
public enum VerificationStatus {
    REPORTED, VERIFIED, REJECTED, NEEDS_INFORMATION
}
