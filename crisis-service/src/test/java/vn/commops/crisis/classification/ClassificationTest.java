package vn.commops.crisis.classification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.crisis.Feedbacks;

@QuarkusTest
class ClassificationTest {

    private static ValidatableResponse classified(String text) {
        String id = Feedbacks.submit(Feedbacks.item("SOCIAL_MEDIA", text, OrgUnitEventsFixture.knownCommune()));
        return asNationalAdmin().when().get("/api/v1/feedback/" + id).then().statusCode(200);
    }

    private static Map<String, Object> rule(String name, List<String> keywords, String topic, String sentiment) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", name);
        rule.put("matchKind", "KEYWORD");
        rule.put("keywords", keywords);
        rule.put("priority", 60);
        rule.put("language", "vi");
        if (topic != null) {
            rule.put("topicCode", topic);
        }
        if (sentiment != null) {
            rule.put("sentiment", sentiment);
        }
        return rule;
    }

    private static String create(Map<String, Object> rule) {
        return as("crisis-analyst").contentType(ContentType.JSON).body(rule)
                .when().post("/api/v1/classification-rules").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRumourIsFalseInformationWithOrWithoutDiacriticsAndTheRulesAreNamed() {
        for (String text : List.of("Tôi nghe nói rút BHXH một lần sẽ bị bỏ từ tháng sau, có đúng không?",
                "toi nghe noi rut bhxh mot lan se bi bo tu thang sau, co dung khong?")) {
            classified(text)
                    .body("classification.topicCode", equalTo("FALSE_INFORMATION"))
                    .body("classification.falseInformation", equalTo(true))
                    .body("classification.sentiment", equalTo("NEGATIVE"))
                    .body("classification.matchedRules.ruleName", hasItems("Tin đồn bỏ rút một lần", "Rút BHXH một lần"))
                    .body("classification.matchedRules[0].ruleName", equalTo("Tin đồn bỏ rút một lần"))
                    .body("classification.matchedRules[0].decided", hasItems("topic", "falseInformation"))
                    .body("classification.matchedRules[1].decided", equalTo(List.of()));
        }
    }

    @Test
    void vietnameseAndEnglishRulesClassify() {
        classified("Tôi bị mất thẻ BHYT, làm sao để cấp lại?")
                .body("classification.topicCode", equalTo("HEALTH_INSURANCE_CARDS"))
                .body("classification.sentiment", equalTo("NEUTRAL"))
                .body("classification.falseInformation", equalTo(false));
        classified("Someone called pretending to be the agency, a scam asking for a transfer")
                .body("classification.topicCode", equalTo("SCAMS"))
                .body("classification.sentiment", equalTo("NEGATIVE"))
                .body("classification.matchedRules[0].matched", equalTo("scam"));
        classified("Lương hưu tháng này bị chậm chi trả, rất bức xúc")
                .body("classification.topicCode", equalTo("BENEFIT_DELAYS"))
                .body("classification.sentiment", equalTo("NEGATIVE"));
        classified("Cảm ơn cán bộ đã hướng dẫn tận tình")
                .body("classification.topicCode", equalTo("OTHER"))
                .body("classification.sentiment", equalTo("POSITIVE"));
    }

    @Test
    void aKeywordWithDiacriticsMatchesTextTypedWithoutButNotAnotherWord() {
        String token = "tệ" ;
        String id = create(rule("Chê dịch vụ", List.of(token), null, "NEGATIVE"));
        try {
            classified("Thẻ bảo hiểm y tế của tôi hết hạn").body("classification.sentiment", equalTo("NEUTRAL"));
            classified("Dịch vụ quá tệ").body("classification.sentiment", equalTo("NEGATIVE"));
            classified("dich vu qua te").body("classification.sentiment", equalTo("NEGATIVE"));
        } finally {
            as("crisis-analyst").when().delete("/api/v1/classification-rules/" + id).then().statusCode(200);
        }
    }

    @Test
    void aRuleChangeReclassifiesRecentFeedbackButAnOverrideSticks() {
        String marker = "quydinh" + UUID.randomUUID().toString().substring(0, 8);
        String unit = OrgUnitEventsFixture.knownCommune();
        String left = Feedbacks.submit(Feedbacks.item("PORTAL", "Hỏi về " + marker + " mới", unit));
        String decided = Feedbacks.submit(Feedbacks.item("PORTAL", "Thắc mắc về " + marker, unit));
        as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("topicCode", "PENSIONS", "sentiment", "NEUTRAL", "falseInformation", false,
                        "reason", "Hỏi về lương hưu theo quy định mới"))
                .when().put("/api/v1/feedback/" + decided + "/classification").then().statusCode(200)
                .body("overridden", equalTo(true))
                .body("overriddenBy", equalTo("crisis-analyst-user"));

        String ruleId = create(rule("Quy định mới", List.of(marker), "VOLUNTARY_INSURANCE", null));
        asNationalAdmin().when().get("/api/v1/feedback/" + left).then()
                .body("classification.topicCode", equalTo("VOLUNTARY_INSURANCE"))
                .body("classification.matchedRules.ruleId", hasItem(ruleId));
        asNationalAdmin().when().get("/api/v1/feedback/" + decided).then()
                .body("classification.topicCode", equalTo("PENSIONS"))
                .body("classification.overrideReason", equalTo("Hỏi về lương hưu theo quy định mới"));

        as("crisis-analyst").when().post("/api/v1/classification-rules/reclassify").then().statusCode(200);
        asNationalAdmin().when().get("/api/v1/feedback/" + decided).then()
                .body("classification.topicCode", equalTo("PENSIONS"));
        asNationalAdmin().queryParam("orgUnit", unit).queryParam("topic", "VOLUNTARY_INSURANCE")
                .when().get("/api/v1/feedback").then().body("items.id", contains(left));

        as("crisis-analyst").when().delete("/api/v1/classification-rules/" + ruleId).then().statusCode(200);
        asNationalAdmin().when().get("/api/v1/feedback/" + left).then()
                .body("classification.topicCode", equalTo("OTHER"));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        Map<String, Object> regex = rule("Hỏng", null, "SCAMS", null);
        regex.put("matchKind", "REGEX");
        regex.remove("keywords");
        regex.put("pattern", "(chuyen tien");
        as("crisis-analyst").contentType(ContentType.JSON).body(regex)
                .when().post("/api/v1/classification-rules").then().statusCode(400)
                .body("errors[0].field", equalTo("pattern"));
        as("crisis-analyst").contentType(ContentType.JSON).body(rule("Không rõ", List.of("abc"), "NO_SUCH_TOPIC", null))
                .when().post("/api/v1/classification-rules").then().statusCode(422)
                .body("errors[0].field", equalTo("topicCode"));
    }

    @Test
    void onlyAnalystsAndAdminsChangeRulesAndClassifications() {
        as("viewer").contentType(ContentType.JSON).body(rule("x", List.of("x"), "SCAMS", null))
                .when().post("/api/v1/classification-rules").then().statusCode(403);
        as("viewer").when().get("/api/v1/classification-rules").then().statusCode(200)
                .body("name", hasItem("Lừa đảo"));
        String id = Feedbacks.submit(Feedbacks.item("PORTAL", "Câu hỏi", OrgUnitEventsFixture.knownCommune()));
        as("unit-manager", "LC").contentType(ContentType.JSON)
                .body(Map.of("topicCode", "PENSIONS", "sentiment", "NEUTRAL", "falseInformation", false, "reason", "r"))
                .when().put("/api/v1/feedback/" + id + "/classification").then().statusCode(403);
    }
}
