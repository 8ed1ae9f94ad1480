package vn.commops.activity.partner;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.commops.activity.form.FormCatalogue;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.activity.partner.PartnerViews.Credential;
import vn.commops.activity.partner.PartnerViews.IssuedKey;
import vn.commops.activity.partner.PartnerViews.KeyView;
import vn.commops.activity.partner.PartnerViews.PartnerRequest;
import vn.commops.activity.partner.PartnerViews.PartnerView;

/** The partner registry: organisations, their grants and their API keys. */
@ApplicationScoped
public class PartnerService {

    private final PartnerEvents events;
    private final FormCatalogue catalogue;

    PartnerService(PartnerEvents events, FormCatalogue catalogue) {
        this.catalogue = catalogue;
        this.events = events;
    }

    @Transactional
    public PartnerView register(PartnerRequest request) {
        if (Partner.findById(request.id()) != null) {
            throw ProblemException.conflict("partner-exists", "Partner '" + request.id() + "' is already registered");
        }
        Partner partner = new Partner();
        partner.id = request.id();
        partner.createdAt = OffsetDateTime.now();
        apply(partner, request);
        partner.persist();
        PartnerView view = PartnerView.of(partner);
        events.registered(view);
        return view;
    }

    @Transactional
    public PartnerView update(String id, PartnerRequest request) {
        Partner partner = find(id);
        if (!id.equals(request.id())) {
            throw ProblemException.invalidField("partner-id-mismatch", "id", "must be the partner's id '" + id + "'");
        }
        apply(partner, request);
        PartnerView view = PartnerView.of(partner);
        events.updated(view);
        return view;
    }

    private void apply(Partner partner, PartnerRequest request) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < request.orgUnits().size(); i++) {
            if (KnownOrgUnit.findById(request.orgUnits().get(i)) == null) {
                unknown.add(new Problem.FieldError("orgUnits[" + i + "]", "no org unit '" + request.orgUnits().get(i) + "'"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-org-unit", "Request cannot be processed",
                    "Grants name unknown org units", unknown);
        }
        List<Problem.FieldError> unknownForms = new ArrayList<>();
        for (int i = 0; i < request.forms().size(); i++) {
            if (catalogue.find(request.forms().get(i)) == null) {
                unknownForms.add(new Problem.FieldError("forms[" + i + "]", "is not a known form of communication"));
            }
        }
        if (!unknownForms.isEmpty()) {
            throw new ProblemException(422, "unknown-communication-form", "Request cannot be processed",
                    "Grants name unknown forms of communication", unknownForms);
        }
        partner.name = request.name().strip();
        partner.kind = request.kind().name();
        partner.orgUnits = request.orgUnits().stream().distinct().toArray(String[]::new);
        partner.forms = request.forms().stream().distinct().toArray(String[]::new);
        partner.updatedAt = OffsetDateTime.now();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerView get(String id) {
        return PartnerView.of(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerView> list() {
        return Partner.<Partner>listAll(Sort.ascending("id")).stream().map(PartnerView::of).toList();
    }

    @Transactional
    public IssuedKey issueKey(String partnerId) {
        find(partnerId);
        return issue(partnerId, null);
    }

    /** A new key; the old one keeps working for the grace period (none: revoked at once). */
    @Transactional
    public IssuedKey rotate(String partnerId, String keyId, Duration gracePeriod) {
        PartnerKey old = findKey(partnerId, keyId);
        if (!old.isValidAt(OffsetDateTime.now())) {
            throw ProblemException.conflict("key-inactive", "Key '" + keyId + "' is already revoked or expired");
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (gracePeriod == null || gracePeriod.isZero() || gracePeriod.isNegative()) {
            old.revokedAt = now;
        } else {
            old.expiresAt = now.plus(gracePeriod);
        }
        IssuedKey issued = issue(partnerId, KeyView.of(old));
        events.keyRotated(old, issued.keyId());
        return issued;
    }

    @Transactional
    public KeyView revoke(String partnerId, String keyId) {
        PartnerKey key = findKey(partnerId, keyId);
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now();
            events.keyRevoked(key);
        }
        return KeyView.of(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyView> keys(String partnerId) {
        find(partnerId);
        return PartnerKey.ofPartner(partnerId).stream().map(KeyView::of).toList();
    }

    /** Who the key belongs to, or 401 when it opens nothing (unknown, revoked, expired). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Credential introspect(String key) {
        PartnerKey stored = key == null || !key.startsWith(PartnerKeys.PREFIX) ? null
                : PartnerKey.findByHash(PartnerKeys.hash(key)).orElse(null);
        if (stored == null || !stored.isValidAt(OffsetDateTime.now())) {
            throw new ProblemException(401, "unauthenticated", "Authentication required",
                    "The API key is unknown, revoked or expired", List.of());
        }
        Partner partner = find(stored.partnerId);
        PartnerView view = PartnerView.of(partner);
        return new Credential(partner.id, partner.name, view.orgUnits(), view.forms(), stored.id);
    }

    private IssuedKey issue(String partnerId, KeyView replaced) {
        PartnerKeys.Material material = PartnerKeys.generate();
        PartnerKey key = new PartnerKey();
        key.id = material.keyId();
        key.partnerId = partnerId;
        key.prefix = material.prefix();
        key.hash = material.hash();
        key.createdAt = OffsetDateTime.now();
        key.persist();
        events.keyIssued(key);
        return new IssuedKey(key.id, key.prefix, material.key(), key.createdAt, replaced);
    }

    private static Partner find(String id) {
        Partner partner = Partner.findById(id);
        if (partner == null) {
            throw ProblemException.notFound("Partner", id);
        }
        return partner;
    }

    private static PartnerKey findKey(String partnerId, String keyId) {
        PartnerKey key = PartnerKey.findById(keyId);
        if (key == null || !key.partnerId.equals(partnerId)) {
            throw ProblemException.notFound("Partner key", keyId);
        }
        return key;
    }
}
