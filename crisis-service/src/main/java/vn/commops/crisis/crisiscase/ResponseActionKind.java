package vn.commops.crisis.crisiscase;

/** How the agency answers a crisis (seeds 001, 003: statements, refutation of false information, dialogue). */
public enum ResponseActionKind {
    STATEMENT, REFUTATION, HOTLINE_SCRIPT, DIALOGUE, PRESS_BRIEFING
}
