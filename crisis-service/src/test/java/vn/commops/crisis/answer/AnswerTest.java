package vn.commops.crisis.answer;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.crisis.Feedbacks;

@QuarkusTest
class AnswerTest {

    @Test
    void anAnswerIsPendingThenOverdueThenAnsweredOnce() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String feedback = Feedbacks.submit(Feedbacks.item("HOTLINE", "Bao giờ tôi được chi trả chế độ thai sản?",
                units[1]));

        String due = as("unit-officer", units[0]).contentType(ContentType.JSON)
                .body(Map.of("answerBy", OffsetDateTime.now().plusDays(2).toString()))
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        String late = as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("answerBy", OffsetDateTime.now().minusHours(1).toString()))
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201)
                .body("status", equalTo("OVERDUE")).extract().path("id");
        asNationalAdmin().queryParam("status", "OVERDUE").queryParam("size", 500)
                .when().get("/api/v1/feedback/answers").then().statusCode(200)
                .body("items.id", hasItem(late))
                .body("items.id", not(hasItem(due)));

        as("unit-officer", units[0]).contentType(ContentType.JSON).body(Map.of("text", "Hồ sơ đã được duyệt, chi trả trong tuần."))
                .when().put("/api/v1/feedback/" + feedback + "/answers/" + late).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answeredBy", equalTo("unit-officer-user"));
        as("unit-officer", units[0]).contentType(ContentType.JSON).body(Map.of("text", "Lần nữa"))
                .when().put("/api/v1/feedback/" + feedback + "/answers/" + late).then().statusCode(409);

        asNationalAdmin().when().get("/api/v1/feedback/" + feedback + "/answers").then().statusCode(200)
                .body("status", contains("PENDING", "ANSWERED"));
    }

    @Test
    void anAnswerGivenAtOnceIsAnsweredAndOfficesAnswerOnlyTheirUnits() {
        String[] mine = OrgUnitEventsFixture.knownProvinceAndCommune();
        String[] theirs = OrgUnitEventsFixture.knownProvinceAndCommune();
        String feedback = Feedbacks.submit(Feedbacks.item("PORTAL", "Hỏi về VssID", theirs[1]));
        Map<String, Object> reply = Map.of("answerBy", OffsetDateTime.now().plusDays(1).toString(),
                "text", "Vui lòng cập nhật ứng dụng VssID.");
        as("unit-officer", mine[0]).contentType(ContentType.JSON).body(reply)
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(403);
        as("unit-officer", theirs[0]).contentType(ContentType.JSON).body(reply)
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(201)
                .body("status", equalTo("ANSWERED"));
        as("unit-officer", theirs[0]).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/feedback/" + feedback + "/answers").then().statusCode(400)
                .body("errors[0].field", equalTo("answerBy"));
    }
}
