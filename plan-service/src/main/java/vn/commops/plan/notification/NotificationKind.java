package vn.commops.plan.notification;

/** What a person may be told of; the event that tells it is named in {@code docs/events.md}. */
public enum NotificationKind {
    /** A new assignment for the person's unit ({@code assignment.created}). */
    ASSIGNMENT,
    /** The person's unit fell behind a target ({@code indicator.behind-target}). */
    BEHIND_TARGET,
    /** An unusual rise of feedback, for the analysts on duty when it is raised ({@code crisis-signal.raised}). */
    CRISIS_SIGNAL,
    /** An answer owed to a person who gave feedback in the unit passed its deadline ({@code feedback-answer.overdue}). */
    OVERDUE_ANSWER
}
