package vn.commops.plan.assignment;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.testing.Envelopes;

/** Assignments through the API, and activity events as activity-service publishes them. */
public final class AssignmentFixtures {

    private AssignmentFixtures() {
    }

    public static Map<String, Object> assignment(String planId, String unit, String form, int quantity, long budget,
            String start, String due, Map<String, Long> targets) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("orgUnitCode", unit);
        body.put("title", "Nhiệm vụ " + form);
        body.put("form", form);
        body.put("quantity", quantity);
        body.put("budgetVnd", budget);
        body.put("startDate", start);
        body.put("dueDate", due);
        body.put("targets", targets);
        return body;
    }

    public static String create(Map<String, Object> body) {
        return asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/assignments")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> share(String unit, int quantity, long budget) {
        Map<String, Object> share = new HashMap<>();
        share.put("orgUnitCode", unit);
        share.put("quantity", quantity);
        share.put("budgetVnd", budget);
        return share;
    }

    /** An activity event carrying the activity's whole revision, as docs/events.md describes it. */
    public static String activity(String type, UUID activityId, int revision, String assignmentId, String unit,
            int quantity, long newHealthInsurance, boolean withdrawn) {
        ObjectNode data = Envelopes.data()
                .put("activityId", activityId.toString())
                .put("revision", revision)
                .put("orgUnitCode", unit)
                .put("orgUnitPath", "/VN/" + unit + "/")
                .put("form", "SMALL_GROUP")
                .put("channel", "DIRECT")
                .put("startedAt", "2024-05-13T08:00:00+07:00")
                .put("assignmentId", assignmentId)
                .put("verificationStatus", "REPORTED")
                .put("withdrawn", withdrawn)
                .put("quantity", quantity)
                .put("attendance", 35)
                .put("reach", 0)
                .put("newSocialInsurance", 0)
                .put("newHealthInsurance", newHealthInsurance)
                .put("costVnd", 1_500_000);
        return Envelopes.envelope(UUID.randomUUID(), type, "activity-service", activityId.toString(), data);
    }

    /**
     * The same with a verification status and a cost: {@code costVnd} null is an activity that reported none
     * (the event says 0 and costReported false).
     */
    public static String activity(String type, UUID activityId, int revision, String assignmentId, String unit,
            int quantity, String verificationStatus, Long costVnd) {
        ObjectNode data = Envelopes.data()
                .put("activityId", activityId.toString())
                .put("revision", revision)
                .put("orgUnitCode", unit)
                .put("orgUnitPath", "/VN/" + unit + "/")
                .put("form", "SMALL_GROUP")
                .put("channel", "DIRECT")
                .put("startedAt", "2024-05-13T08:00:00+07:00")
                .put("assignmentId", assignmentId)
                .put("verificationStatus", verificationStatus)
                .put("withdrawn", false)
                .put("quantity", quantity)
                .put("attendance", 10 * quantity)
                .put("newSocialInsurance", quantity)
                .put("costVnd", costVnd == null ? 0 : costVnd)
                .put("costReported", costVnd != null);
        return Envelopes.envelope(UUID.randomUUID(), type, "activity-service", activityId.toString(), data);
    }
}
