package vn.commops.activity.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.activity.ActivityRequest;

/** Requests and responses of the partner registry. */
public final class PartnerViews {

    private PartnerViews() {
    }

    @Schema(name = "PartnerRequest", description = "A partner organisation and its grants")
    public record PartnerRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a lower-case slug")
            @Schema(examples = "post-office-lc") String id,
            @NotBlank @Size(max = 300) @Schema(examples = "Bưu điện tỉnh Lào Cai") String name,
            @NotNull @Schema(examples = "POST_OFFICE") PartnerKind kind,
            @NotNull @Size(min = 1, max = 100) @Schema(description = "Org-unit subtrees it may report for, e.g. LC",
                    examples = "[\"LC\", \"YB\"]") List<@NotBlank String> orgUnits,
            @NotNull @Size(min = 1) @Schema(description = "Forms it may report",
                    examples = "[\"LEAFLET\", \"ADVISORY_BOOTH\"]")
            List<@NotNull @Pattern(regexp = ActivityRequest.FORM_CODE, message = "must be an activity form code") String>
            forms) {
    }

    @Schema(name = "Partner")
    public record PartnerView(
            @Schema(examples = "post-office-lc") String id,
            @Schema(examples = "Bưu điện tỉnh Lào Cai") String name,
            PartnerKind kind,
            @Schema(examples = "[\"LC\", \"YB\"]") List<String> orgUnits,
            @Schema(examples = "[\"LEAFLET\", \"ADVISORY_BOOTH\"]") List<String> forms,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(examples = "2") int version) {

        static PartnerView of(Partner p) {
            return new PartnerView(p.id, p.name, PartnerKind.valueOf(p.kind), List.of(p.orgUnits),
                    List.of(p.forms), p.createdAt, p.updatedAt, p.version);
        }
    }

    @Schema(name = "PartnerKey", description = "An API key without its secret")
    public record KeyView(
            @Schema(examples = "k3f9a1c07") String keyId,
            @Schema(description = "The key's first characters", examples = "cok_3f9a1c07") String prefix,
            OffsetDateTime createdAt,
            @Schema(description = "When it stops working (end of a rotation's grace period)") OffsetDateTime expiresAt,
            OffsetDateTime revokedAt,
            @Schema(description = "Whether it opens the API now", examples = "true") boolean active) {

        static KeyView of(PartnerKey key) {
            return new KeyView(key.id, key.prefix, key.createdAt, key.expiresAt, key.revokedAt,
                    key.isValidAt(OffsetDateTime.now()));
        }
    }

    @Schema(name = "IssuedPartnerKey", description = "A new API key: the secret is shown here once and never again")
    public record IssuedKey(
            @Schema(examples = "k3f9a1c07") String keyId,
            @Schema(examples = "cok_3f9a1c07") String prefix,
            @Schema(description = "The whole key; store it now", examples = "cok_3f9a1c07_q0Hk…") String key,
            OffsetDateTime createdAt,
            @Schema(description = "The key this one replaces, for a rotation") KeyView replaced) {
    }

    @Schema(name = "KeyRotation")
    public record Rotation(
            @Schema(description = "How long the old key keeps working (ISO-8601 duration); PT0S revokes it at once",
                    examples = "PT24H") Duration gracePeriod) {
    }

    @Schema(name = "PartnerCredential", description = "Who an API key belongs to and what it may report on")
    public record Credential(
            @Schema(examples = "post-office-lc") String partnerId,
            @Schema(examples = "Bưu điện tỉnh Lào Cai") String name,
            @Schema(description = "Org-unit subtrees it may report for", examples = "[\"LC\", \"YB\"]")
            List<String> orgUnits,
            @Schema(examples = "[\"LEAFLET\", \"ADVISORY_BOOTH\"]") List<String> forms,
            @Schema(examples = "k3f9a1c07") String keyId) {
    }
}
