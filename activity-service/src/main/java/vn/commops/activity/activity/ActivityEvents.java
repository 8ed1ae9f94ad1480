package vn.commops.activity.activity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/**
 * Activity facts for indicator-service and plan-service; see docs/events.md. Every event carries the
 * whole current revision, so consumers replace what they last applied for the activity.
 */
@ApplicationScoped
public class ActivityEvents {

    public static final String TOPIC = "activities";
    public static final String RECORDED = "activity.recorded";
    public static final String CORRECTED = "activity.corrected";
    public static final String VERIFIED = "activity.verified";
    public static final String WITHDRAWN = "activity.withdrawn";

    private final EventPublisher publisher;
    private final BulkOutbox bulk;

    ActivityEvents(EventPublisher publisher, BulkOutbox bulk) {
        this.publisher = publisher;
        this.bulk = bulk;
    }

    /** The whole revision; the org unit's path travels with it so consumers roll up without a lookup. */
    @JsonSerialize(using = Revision.Json.class)
    public record Revision(UUID activityId, int revision, String orgUnitCode, String orgUnitPath, ActivityForm form,
            ActivityForm.Channel channel, OffsetDateTime startedAt, OffsetDateTime endedAt, UUID campaignId,
            UUID assignmentId, String partnerId, VerificationStatus verificationStatus, boolean withdrawn,
            int quantity, long attendance, long reach, long plays, long interactions, long newSocialInsurance,
            long newHealthInsurance, long appInstalls, long nonCashConversions, long booksAndCardsDonated,
            long costVnd) {

        public static Revision of(Activity a, String orgUnitPath) {
            return new Revision(a.id, a.revision, a.orgUnitCode, orgUnitPath, a.form, a.form.channel(), a.startedAt,
                    a.endedAt, a.campaignId, a.assignmentId, a.partnerId, a.verificationStatus, a.withdrawn,
                    a.quantity == null ? 1 : a.quantity, n(a.attendance), n(a.reach), n(a.plays), n(a.interactions),
                    n(a.newSocialInsurance), n(a.newHealthInsurance), n(a.appInstalls), n(a.nonCashConversions),
                    n(a.booksAndCardsDonated), n(a.costVnd));
        }

        private static long n(Number value) {
            return value == null ? 0 : value.longValue();
        }

        /**
         * Exactly what Jackson writes for the record (ActivityEventsTest compares them), without its
         * reflective accessor calls: a bulk write serialises ten thousand of these a batch.
         */
        static final class Json extends StdSerializer<Revision> {

            Json() {
                super(Revision.class);
            }

            @Override
            public void serialize(Revision r, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeStartObject(r);
                provider.defaultSerializeField("activityId", r.activityId, json);
                json.writeNumberField("revision", r.revision);
                text(json, "orgUnitCode", r.orgUnitCode);
                text(json, "orgUnitPath", r.orgUnitPath);
                provider.defaultSerializeField("form", r.form, json);
                provider.defaultSerializeField("channel", r.channel, json);
                provider.defaultSerializeField("startedAt", r.startedAt, json);
                provider.defaultSerializeField("endedAt", r.endedAt, json);
                provider.defaultSerializeField("campaignId", r.campaignId, json);
                provider.defaultSerializeField("assignmentId", r.assignmentId, json);
                text(json, "partnerId", r.partnerId);
                provider.defaultSerializeField("verificationStatus", r.verificationStatus, json);
                json.writeBooleanField("withdrawn", r.withdrawn);
                json.writeNumberField("quantity", r.quantity);
                json.writeNumberField("attendance", r.attendance);
                json.writeNumberField("reach", r.reach);
                json.writeNumberField("plays", r.plays);
                json.writeNumberField("interactions", r.interactions);
                json.writeNumberField("newSocialInsurance", r.newSocialInsurance);
                json.writeNumberField("newHealthInsurance", r.newHealthInsurance);
                json.writeNumberField("appInstalls", r.appInstalls);
                json.writeNumberField("nonCashConversions", r.nonCashConversions);
                json.writeNumberField("booksAndCardsDonated", r.booksAndCardsDonated);
                json.writeNumberField("costVnd", r.costVnd);
                json.writeEndObject();
            }

            private static void text(JsonGenerator json, String name, String value) throws IOException {
                if (value == null) {
                    json.writeNullField(name);
                } else {
                    json.writeStringField(name, value);
                }
            }
        }
    }

    public static String typeOf(Activity.Change change) {
        return switch (change) {
            case RECORDED -> RECORDED;
            case CORRECTED -> CORRECTED;
            case VERIFIED -> VERIFIED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }

    /** One activity's new revision, in the caller's transaction. */
    void published(Activity activity, String orgUnitPath) {
        publisher.publish(TOPIC, typeOf(activity.lastChange), activity.id.toString(), Revision.of(activity, orgUnitPath));
    }

    /** Many activities' new revisions in one statement, in the caller's transaction. */
    void publishedAll(List<Activity> activities, java.util.function.Function<Activity, String> pathOf) {
        bulk.write(TOPIC, activities.stream()
                .map(a -> new BulkOutbox.Pending(typeOf(a.lastChange), a.id.toString(), Revision.of(a, pathOf.apply(a))))
                .toList());
    }
}
