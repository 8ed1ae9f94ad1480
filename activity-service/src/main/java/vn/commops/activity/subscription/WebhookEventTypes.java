package vn.commops.activity.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types a subscription may name, as docs/events.md lists them, and who may have them. A partner
 * reads only activities of its granted units (docs/security.md), so activity events are the only ones a
 * partner may subscribe to; an integrator may subscribe to any of them. {@code assignment.snapshot} is left
 * out: it re-sends every assignment for a new replica and means nothing happened.
 */
final class WebhookEventTypes {

    private static final Set<String> FOR_PARTNERS = Set.of(
            "activity.recorded", "activity.corrected", "activity.verified", "activity.withdrawn",
            "activity-evidence.attached");

    /** Type to the topic family it travels on. */
    private static final Map<String, String> TOPIC_OF = new LinkedHashMap<>();

    static {
        family("activities", FOR_PARTNERS.stream().sorted().toList());
        family("org-units", List.of("org-unit.created", "org-unit.updated", "org-unit.moved", "org-unit.merged",
                "org-unit.split", "org-unit.closed", "reorganisation.scheduled", "reorganisation.applied",
                "reorganisation.cancelled", "reorganisation.failed"));
        family("plans", List.of("plan.created", "plan.updated", "plan.submitted", "plan.approved", "plan.returned",
                "plan.activated", "plan.closed", "plan.transferred", "plan.amendment-proposed",
                "plan.amendment-approved", "plan.amendment-returned"));
        family("campaigns", List.of("campaign.created", "campaign.updated"));
        family("assignments", List.of("assignment.created", "assignment.updated", "assignment.progressed",
                "assignment.transferred"));
        family("feedback", List.of("feedback.received"));
        family("crisis-signals", List.of("crisis-signal.raised"));
        family("crisis-cases", List.of("crisis-case.opened", "crisis-case.transitioned",
                "crisis-case.post-crisis-communication-requested"));
        family("indicator-alerts", List.of("indicator.behind-target"));
        family("targets", List.of("target.set"));
    }

    private WebhookEventTypes() {
    }

    private static void family(String topic, List<String> types) {
        types.forEach(type -> TOPIC_OF.put(type, topic));
    }

    static boolean isKnown(String type) {
        return TOPIC_OF.containsKey(type);
    }

    static boolean partnerMay(String type) {
        return FOR_PARTNERS.contains(type);
    }

    static List<String> all() {
        return List.copyOf(TOPIC_OF.keySet());
    }
}
