package vn.commops.plan.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.commops.common.event.EventPublisher;

/**
 * Notification recipient facts on {@code notification-recipients}, keyed by username so that a person's
 * changes stay in order. The email address is personal data and never leaves; nor do the duty windows,
 * which say when a person is at work.
 */
@ApplicationScoped
public class NotificationEvents {

    public static final String TOPIC = "notification-recipients";
    public static final String REGISTERED = "notification-recipient.registered";
    public static final String UPDATED = "notification-recipient.updated";
    public static final String REMOVED = "notification-recipient.removed";
    public static final String PREFERENCES_UPDATED = "notification-preferences.updated";

    private final EventPublisher publisher;

    NotificationEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record RecipientChanged(String username, String orgUnitCode, List<String> kinds, String language,
            boolean emailEnabled, List<String> mutedKinds) {
    }

    public record RecipientRemoved(String username, String orgUnitCode, String removedBy) {
    }

    void registered(NotificationRecipient recipient, NotificationPreference preference) {
        publishRecipient(REGISTERED, recipient, preference);
    }

    void updated(NotificationRecipient recipient, NotificationPreference preference) {
        publishRecipient(UPDATED, recipient, preference);
    }

    void preferencesUpdated(NotificationRecipient recipient, NotificationPreference preference) {
        publishRecipient(PREFERENCES_UPDATED, recipient, preference);
    }

    void removed(NotificationRecipient recipient, String removedBy) {
        publisher.publish(TOPIC, REMOVED, recipient.username,
                new RecipientRemoved(recipient.username, recipient.orgUnitCode, removedBy));
    }

    private void publishRecipient(String type, NotificationRecipient recipient, NotificationPreference preference) {
        publisher.publish(TOPIC, type, recipient.username, new RecipientChanged(recipient.username,
                recipient.orgUnitCode, List.of(recipient.kinds), recipient.language, preference.emailEnabled,
                List.of(preference.mutedKinds)));
    }
}
