package vn.commops.activity.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import vn.commops.activity.partner.PartnerViews.PartnerView;
import vn.commops.common.event.EventPublisher;

/**
 * Partner registry facts on {@code partners}, keyed by partner id so that a partner's grants and keys
 * stay in order. A key event names the key by id and prefix only: its secret and hash never leave.
 */
@ApplicationScoped
public class PartnerEvents {

    public static final String TOPIC = "partners";
    public static final String REGISTERED = "partner.registered";
    public static final String UPDATED = "partner.updated";
    public static final String KEY_ISSUED = "partner-key.issued";
    public static final String KEY_ROTATED = "partner-key.rotated";
    public static final String KEY_REVOKED = "partner-key.revoked";

    private final EventPublisher publisher;

    PartnerEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record PartnerChanged(String partnerId, String name, PartnerKind kind, List<String> orgUnits,
            List<String> forms, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record KeyChanged(String partnerId, String keyId, String prefix, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt, String replacedByKeyId) {
    }

    void registered(PartnerView partner) {
        publishPartner(REGISTERED, partner);
    }

    void updated(PartnerView partner) {
        publishPartner(UPDATED, partner);
    }

    void keyIssued(PartnerKey key) {
        publishKey(KEY_ISSUED, key, null);
    }

    void keyRotated(PartnerKey old, String replacedByKeyId) {
        publishKey(KEY_ROTATED, old, replacedByKeyId);
    }

    void keyRevoked(PartnerKey key) {
        publishKey(KEY_REVOKED, key, null);
    }

    private void publishPartner(String type, PartnerView partner) {
        publisher.publish(TOPIC, type, partner.id(), new PartnerChanged(partner.id(), partner.name(), partner.kind(),
                partner.orgUnits(), partner.forms(), partner.createdAt(), partner.updatedAt()));
    }

    private void publishKey(String type, PartnerKey key, String replacedByKeyId) {
        publisher.publish(TOPIC, type, key.partnerId, new KeyChanged(key.partnerId, key.id, key.prefix, key.createdAt,
                key.expiresAt, key.revokedAt, replacedByKeyId));
    }
}
