package vn.commops.activity.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** An API key of a partner. Only its SHA-256 is stored: the key itself is shown once, when issued. */
@Entity
@Table(name = "partner_key")
public class PartnerKey extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false, updatable = false)
    public String partnerId;

    /** The first characters of the key, so a partner can tell its keys apart. */
    @Column(nullable = false, updatable = false)
    public String prefix;

    @Column(nullable = false, updatable = false)
    public String hash;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    public OffsetDateTime expiresAt;

    public OffsetDateTime revokedAt;

    public boolean isValidAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public static Optional<PartnerKey> findByHash(String hash) {
        return find("hash", hash).firstResultOptional();
    }

    public static List<PartnerKey> ofPartner(String partnerId) {
        return list("partnerId = ?1 order by createdAt", partnerId);
    }
}
