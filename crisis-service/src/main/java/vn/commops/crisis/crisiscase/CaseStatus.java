package vn.commops.crisis.crisiscase;

import java.util.EnumSet;
import java.util.Set;

/** The life of a communication crisis (seed 000: forecast, prevent and handle, then inform after the crisis). */
public enum CaseStatus {
    WATCH, OPEN, RESPONDING, RESOLVED, POST_CRISIS_REVIEW, CLOSED;

    /** Where a case may go from here: a watched rise may come to nothing, a resolved crisis may flare up again. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case WATCH -> EnumSet.of(OPEN, CLOSED);
            case OPEN -> EnumSet.of(RESPONDING);
            case RESPONDING -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(POST_CRISIS_REVIEW, RESPONDING);
            case POST_CRISIS_REVIEW -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean mayBecome(CaseStatus target) {
        return next().contains(target);
    }
}
