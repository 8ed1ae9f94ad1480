package vn.commops.plan.form;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommunicationForm")
public record CommunicationFormView(
        @Schema(examples = "SEMINAR") String code,
        @Schema(examples = "DIRECT") ChannelFamily channel,
        @Schema(examples = "Tọa đàm") String nameVi,
        @Schema(examples = "Seminar") String nameEn,
        @Schema(description = "An activity of the form reports at least one of these", examples = "[\"attendance\"]")
        List<String> requiredFigures,
        @Schema(description = "Refused for new activities; those already reported stay valid", examples = "false")
        boolean retired,
        OffsetDateTime updatedAt,
        @Schema(examples = "0") int version) {

    static CommunicationFormView of(CommunicationForm form) {
        return new CommunicationFormView(form.code, form.channel, form.nameVi, form.nameEn,
                List.of(form.requiredFigures), form.retired, form.updatedAt, form.version);
    }
}
