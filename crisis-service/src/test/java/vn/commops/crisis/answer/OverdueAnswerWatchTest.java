package vn.commops.crisis.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;
import vn.commops.crisis.Feedbacks;
import vn.commops.crisis.feedback.FeedbackEvents;

@QuarkusTest
class OverdueAnswerWatchTest {

    @Inject
    OverdueAnswerWatch watch;

    @Test
    void anAnswerPastItsDeadlineIsAnnouncedOnceWithItsUnit() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String feedback = Feedbacks.submit(Feedbacks.item("HOTLINE", "Chưa nhận được sổ BHXH", units[1]));
        String late = as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("answerBy", OffsetDateTime.now().minusMinutes(5).toString()))
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201)
                .extract().path("id");

        TopicProbe.Received overdue = TopicProbe.awaitEvent(FeedbackEvents.TOPIC, OverdueAnswerWatch.OVERDUE, feedback);

        assertEquals(late, overdue.value().path("data").path("answerId").asText());
        assertEquals(units[1], overdue.value().path("data").path("orgUnitCode").asText());
        assertEquals(0, watch.announceDue(), "already announced: nothing more to announce");
        assertThrows(AssertionError.class, () -> TopicProbe.awaitMessage(FeedbackEvents.TOPIC,
                m -> OverdueAnswerWatch.OVERDUE.equals(m.value().path("type").asText())
                        && feedback.equals(m.value().path("subject").asText())
                        && !m.value().path("id").asText().equals(overdue.value().path("id").asText()),
                Duration.ofSeconds(4)));
    }

    @Test
    void anAnswerStillDueOrGivenIsNotAnnounced() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String feedback = Feedbacks.submit(Feedbacks.item("PORTAL", "Hỏi về thẻ BHYT", units[1]));
        as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("answerBy", OffsetDateTime.now().plusDays(1).toString()))
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201);
        as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("answerBy", OffsetDateTime.now().minusHours(1).toString(), "text", "Đã trả lời"))
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201);

        assertThrows(AssertionError.class, () -> TopicProbe.awaitMessage(FeedbackEvents.TOPIC,
                m -> OverdueAnswerWatch.OVERDUE.equals(m.value().path("type").asText())
                        && feedback.equals(m.value().path("subject").asText()), Duration.ofSeconds(6)));
    }
}
