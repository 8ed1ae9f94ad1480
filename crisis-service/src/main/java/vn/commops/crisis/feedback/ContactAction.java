package vn.commops.crisis.feedback;

/** What was done with a person's contact, as the audit records it. */
public enum ContactAction {
    READ, EXPORTED, ERASED, ANONYMISED
}
