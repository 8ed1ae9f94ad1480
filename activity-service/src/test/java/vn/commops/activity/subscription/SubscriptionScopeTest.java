package vn.commops.activity.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionScopeTest {

    private static final String HOPHAI = "/VN/LC/LC-HOPHAI/";
    private static final String HANOI = "/VN/HN/";

    @Test
    void aPartnerReceivesOnlyEventsOfItsRegisteredUnits() {
        SubscriptionScope partner = new SubscriptionScope(UUID.randomUUID(), Set.of("activity.recorded"), Set.of(),
                Set.of("LC"));
        assertTrue(partner.matches("activity.recorded", HOPHAI));
        assertFalse(partner.matches("activity.recorded", HANOI));
        assertFalse(partner.matches("activity.corrected", HOPHAI));
    }

    @Test
    void eventsNamingNoUnitGoToIntegratorsOnly() {
        SubscriptionScope partner = new SubscriptionScope(UUID.randomUUID(), Set.of("activity.recorded"), Set.of(),
                Set.of("VN"));
        SubscriptionScope integrator = new SubscriptionScope(UUID.randomUUID(), Set.of("reorganisation.applied"),
                Set.of(), null);
        assertFalse(partner.matches("activity.recorded", null));
        assertTrue(integrator.matches("reorganisation.applied", null));
    }

    @Test
    void theSubscriptionsOwnFilterNarrowsFurther() {
        SubscriptionScope partner = new SubscriptionScope(UUID.randomUUID(), Set.of("activity.recorded"),
                Set.of("LC-HOPHAI"), Set.of("LC"));
        SubscriptionScope integrator = new SubscriptionScope(UUID.randomUUID(), Set.of("feedback.received"),
                Set.of("HN"), null);
        assertTrue(partner.matches("activity.recorded", HOPHAI));
        assertFalse(partner.matches("activity.recorded", "/VN/LC/LC-OTHER/"));
        assertTrue(integrator.matches("feedback.received", HANOI));
        assertFalse(integrator.matches("feedback.received", HOPHAI));
        assertFalse(integrator.matches("feedback.received", null));
    }

    @Test
    void aCodeThatOnlyPrefixesAGrantedOneIsNotInIt() {
        SubscriptionScope partner = new SubscriptionScope(UUID.randomUUID(), Set.of("activity.recorded"), Set.of(),
                Set.of("LC"));
        assertFalse(partner.matches("activity.recorded", "/VN/LCX/LCX-1/"));
    }
}
