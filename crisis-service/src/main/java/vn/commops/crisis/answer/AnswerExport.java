package vn.commops.crisis.answer;

import java.time.OffsetDateTime;
import java.util.List;
import vn.commops.common.export.Column;

/** The columns of an answers export, named as in the JSON. New columns only ever go at the end. */
final class AnswerExport {

    static final String FILE_NAME = "feedback-answers";

    private AnswerExport() {
    }

    /** The columns, each answer's status as of {@code now}: the moment the list's query was taken at. */
    static List<Column<Answer>> columns(OffsetDateTime now) {
        return List.of(
                Column.of("id", a -> a.id),
                Column.of("feedbackId", a -> a.feedbackId),
                Column.of("answerBy", a -> a.answerBy),
                Column.of("text", a -> a.text),
                Column.of("answeredAt", a -> a.answeredAt),
                Column.of("answeredBy", a -> a.answeredBy),
                Column.of("status", a -> a.status(now)),
                Column.of("version", a -> a.version));
    }
}
