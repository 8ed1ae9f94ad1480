package vn.commops.indicator;

import static org.awaitility.Awaitility.await;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.TopicProbe;
import vn.commops.common.testing.UniqueCodes;

/** Org-unit, activity and campaign events as plan-service and activity-service publish them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String stem) {
        return UniqueCodes.of(stem);
    }

    /** Publishes org-unit.created for the unit and waits until the replica knows it. */
    public static void unit(String code, String level, String path) {
        TopicProbe.send("org-units", code, orgUnitEvent("org-unit.created", code, level, path, null, null));
        awaitUnit(code);
    }

    public static void awaitUnit(String code) {
        await().atMost(Duration.ofSeconds(30)).until(() -> asNationalAdmin().queryParam("orgUnit", code)
                .queryParam("period", "2024").get("/api/v1/indicators/activity-totals").statusCode() == 200);
    }

    public static String orgUnitEvent(String type, String code, String level, String path, String successor,
            String previousPath) {
        ObjectNode data = Envelopes.data().put("code", code).put("name", "Đơn vị " + code).put("levelCode", level)
                .put("path", path).put("validFrom", "2020-01-01").put("effectiveDate", "2025-07-01");
        String[] codes = path.substring(1).split("/");
        data.put("parentCode", codes.length > 1 ? codes[codes.length - 2] : null);
        data.put("successorCode", successor);
        data.put("previousPath", previousPath);
        if (successor != null) {
            data.put("validTo", "2025-06-30");
        }
        return Envelopes.envelope(UUID.randomUUID(), type, "plan-service", code, data);
    }

    /** A small hierarchy of fresh units: a province with two communes. */
    public record Tree(String province, String communeA, String communeB) {
        public String provincePath() {
            return "/VN/" + province + "/";
        }

        public String pathA() {
            return provincePath() + communeA + "/";
        }

        public String pathB() {
            return provincePath() + communeB + "/";
        }
    }

    public static Tree tree() {
        Tree tree = new Tree(unique("P"), unique("PA"), unique("PB"));
        TopicProbe.send("org-units", "VN", orgUnitEvent("org-unit.created", "VN", "NATIONAL", "/VN/", null, null));
        TopicProbe.send("org-units", tree.province(),
                orgUnitEvent("org-unit.created", tree.province(), "PROVINCE", tree.provincePath(), null, null));
        TopicProbe.send("org-units", tree.communeA(),
                orgUnitEvent("org-unit.created", tree.communeA(), "COMMUNE", tree.pathA(), null, null));
        TopicProbe.send("org-units", tree.communeB(),
                orgUnitEvent("org-unit.created", tree.communeB(), "COMMUNE", tree.pathB(), null, null));
        awaitUnit(tree.communeB());
        awaitUnit(tree.communeA());
        awaitUnit(tree.province());
        return tree;
    }

    /** An activity's current revision, as activity-service publishes it; change fields with the setters. */
    public static final class Activity {
        public final String activityId = UUID.randomUUID().toString();
        private final ObjectNode data = Envelopes.data();
        private int revision = 0;

        public Activity(String unitCode, String unitPath, String form, String startedAt) {
            data.put("activityId", activityId).put("orgUnitCode", unitCode).put("orgUnitPath", unitPath)
                    .put("form", form).put("channel", "DIRECT").put("startedAt", startedAt)
                    .put("verificationStatus", "REPORTED").put("withdrawn", false).put("quantity", 1);
        }

        public Activity set(String field, long value) {
            data.put(field, value);
            return this;
        }

        public Activity set(String field, String value) {
            data.put(field, value);
            return this;
        }

        public Activity set(String field, boolean value) {
            data.put(field, value);
            return this;
        }

        /** One count of a breakdown: {@code breakdown("attendance", "group", "STUDENTS", 40)}. */
        public Activity breakdown(String measure, String dimension, String category, long value) {
            ObjectNode breakdowns = data.has("breakdowns") ? (ObjectNode) data.get("breakdowns")
                    : data.putObject("breakdowns");
            ObjectNode split = breakdowns.has(measure) ? (ObjectNode) breakdowns.get(measure)
                    : breakdowns.putObject(measure);
            (split.has(dimension) ? (ObjectNode) split.get(dimension) : split.putObject(dimension))
                    .put(category, value);
            return this;
        }

        /** The envelope of the next revision, with the given event type. */
        public String next(String type) {
            revision++;
            data.put("revision", revision);
            return Envelopes.envelope(UUID.randomUUID(), type, "activity-service", activityId, data.deepCopy());
        }

        public String recorded() {
            return next("activity.recorded");
        }

        public void publish(String... envelopes) {
            TopicProbe.send("activities", activityId, envelopes);
        }
    }

    public static String campaign(String campaignId, String owner, String ownerPath, String start, String end) {
        return Envelopes.envelope(UUID.randomUUID(), "campaign.created", "plan-service", campaignId, Envelopes.data()
                .put("campaignId", campaignId).put("ownerUnitCode", owner).put("ownerUnitPath", ownerPath)
                .put("theme", "Tháng vận động").put("startDate", start).put("endDate", end));
    }
}
