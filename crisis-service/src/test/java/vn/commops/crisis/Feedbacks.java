package vn.commops.crisis;

import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds feedback bodies and sends them, so tests say what they send rather than how. */
public final class Feedbacks {

    private Feedbacks() {
    }

    public static Map<String, Object> item(String channel, String text, String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("text", text);
        body.put("sourceId", UUID.randomUUID().toString());
        if (unit != null) {
            body.put("orgUnitCode", unit);
        }
        return body;
    }

    public static Map<String, Object> at(Map<String, Object> item, OffsetDateTime receivedAt) {
        item.put("receivedAt", receivedAt.toString());
        return item;
    }

    /** Submits one item as a crisis analyst and returns its id. */
    public static String submit(Map<String, Object> item) {
        return as("crisis-analyst").contentType(ContentType.JSON).body(item)
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    /** Submits a batch as the national admin and expects every item to be created. */
    public static void submitAll(List<Map<String, Object>> items) {
        for (int from = 0; from < items.size(); from += 1_000) {
            List<Map<String, Object>> batch = items.subList(from, Math.min(items.size(), from + 1_000));
            int created = asNationalAdmin().contentType(ContentType.JSON).body(batch)
                    .when().post("/api/v1/feedback/batches").then().statusCode(200).extract().path("created");
            if (created != batch.size()) {
                throw new AssertionError("only " + created + " of " + batch.size() + " items created");
            }
        }
    }
}
