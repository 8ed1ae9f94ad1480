package vn.commops.crisis.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.privacy.LawfulBasis;

@Schema(name = "FeedbackRequest", description = "Feedback received on a channel")
public record FeedbackRequest(
        @NotNull @Schema(examples = "HOTLINE") FeedbackChannel channel,
        @NotBlank @Size(max = 10_000)
        @Schema(examples = "Tôi nghe nói rút BHXH một lần sẽ bị bỏ từ tháng sau, có đúng không?") String text,
        @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter ISO 639-1 code")
        @Schema(description = "Language, 'vi' when omitted", examples = "vi") String language,
        @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an org unit code")
        @Schema(description = "Where it came from", examples = "LC") String orgUnitCode,
        @Size(max = 200) @Schema(description = "The source's own id; resending it is recognised", examples = "call-88213")
        String sourceId,
        @Size(max = 2_000) @Pattern(regexp = "^https?://.+", message = "must be an http(s) link")
        @Schema(description = "Where it can be read (post, article)", examples = "https://facebook.com/groups/1/posts/2")
        String sourceLink,
        @Size(max = 200) @Schema(description = "The public handle of the author on a social network or the outlet",
                examples = "@nguoidan.lc") String authorHandle,
        @PositiveOrZero @Schema(description = "People who saw it (views, followers reached); 0 when unknown",
                examples = "12000") Long reach,
        @PositiveOrZero @Schema(description = "Reactions, shares and comments; 0 when unknown", examples = "340")
        Long engagement,
        @Size(max = 200) @Schema(description = "For a comment: the sourceId of the post it answers",
                examples = "post-99120") String inReplyTo,
        @Schema(description = "When it was said; now when omitted", examples = "2024-05-13T09:12:00+07:00")
        OffsetDateTime receivedAt,
        @Size(max = 300)
        @Schema(description = "How to reach the person; personal data, never listed or published",
                examples = "0912 345 678") String contact,
        @Schema(description = "Why the contact may be kept (Decree 13/2023/ND-CP); required with a contact",
                examples = "CONSENT") LawfulBasis lawfulBasis,
        @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 ._/-]*$", message = "must be a version label")
        @Schema(description = "The version of the consent text the person agreed to; required with CONSENT",
                examples = "hotline-consent-2024-01") String consentTextVersion,
        @Schema(description = "When the person agreed; when received if omitted", examples = "2024-05-13T09:12:00+07:00")
        OffsetDateTime consentGivenAt) {

    boolean hasContact() {
        return contact != null && !contact.isBlank();
    }
}
