package vn.commops.plan.form;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new form of communication (POST); {@link Change} is the same without the code, which never changes. */
@Schema(name = "CommunicationFormRequest", description = "A form of communication and the figures it must report")
public record CommunicationFormRequest(
        @NotBlank @Pattern(regexp = CODE, message = "must be 2-40 upper-case letters, digits or '_', from a letter")
        @Schema(examples = "HOME_VISIT") String code,
        @NotNull @Schema(examples = "DIRECT") ChannelFamily channel,
        @NotBlank @Size(max = 200)
        @Schema(examples = "Thăm hộ gia đình") String nameVi,
        @NotBlank @Size(max = 200)
        @Schema(examples = "Home visit") String nameEn,
        @NotEmpty @Size(max = 13)
        @Schema(description = "The figures an activity of the form must report, as alternatives: at least one "
                + "of them. Names of the activity's figures.", examples = "[\"attendance\"]")
        List<@NotNull @Pattern(regexp = FIGURE, message = "must be an activity figure") String> requiredFigures) {

    public static final String CODE = "^[A-Z][A-Z0-9_]{1,39}$";
    /** The activity's numeric and link fields: what activity-service can tell reported from not. */
    static final String FIGURE = "^(attendance|reach|plays|interactions|quantity|durationMinutes|link"
            + "|newSocialInsurance|newHealthInsurance|appInstalls|nonCashConversions|booksAndCardsDonated|costVnd)$";

    Change content() {
        return new Change(channel, nameVi, nameEn, requiredFigures);
    }

    @Schema(name = "CommunicationFormChange", description = "What a form of communication is and must report")
    public record Change(
            @NotNull @Schema(examples = "DIRECT") ChannelFamily channel,
            @NotBlank @Size(max = 200)
            @Schema(examples = "Thăm hộ gia đình") String nameVi,
            @NotBlank @Size(max = 200)
            @Schema(examples = "Home visit") String nameEn,
            @NotEmpty @Size(max = 13)
            @Schema(description = "The figures an activity of the form must report, as alternatives",
                    examples = "[\"attendance\", \"reach\"]")
            List<@NotNull @Pattern(regexp = FIGURE, message = "must be an activity figure") String> requiredFigures) {
    }
}
