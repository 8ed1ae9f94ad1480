package vn.commops.activity.communicator;

/** What was done with a communicator's contact, as the audit records it. */
public enum ContactAction {
    READ, EXPORTED, ERASED, ANONYMISED,
    /** Replaced by a manager's update of the communicator. */
    CHANGED
}
