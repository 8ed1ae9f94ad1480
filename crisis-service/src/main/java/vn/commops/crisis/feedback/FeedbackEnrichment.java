package vn.commops.crisis.feedback;

/**
 * A step that adds what the service derives from a new item before it is stored (its classification,
 * its near-duplicate cluster), so intake does not need to know each feature.
 */
public interface FeedbackEnrichment {

    /** Lower runs first. */
    int order();

    void enrich(Feedback feedback);
}
