package vn.commops.activity.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.commops.activity.breakdown.Breakdowns;
import vn.commops.activity.bulk.BulkOutbox;
import vn.commops.common.event.EventPublisher;
import vn.commops.activity.form.ChannelFamily;
import vn.commops.activity.form.FormCatalogue;

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

    /**
     * The whole revision; the org unit's path travels with it so consumers roll up without a lookup.
     * {@code costVnd} is 0 when no cost was reported, as it always was; {@code costReported} (added later, so
     * consumers of older events find none) tells that apart from a reported cost of 0, so cost figures can leave
     * uncosted activities out. {@code breakdowns} (added later too) is left out when the activity is not split.
     */
    @JsonSerialize(using = Revision.Json.class)
    public record Revision(UUID activityId, int revision, String orgUnitCode, String orgUnitPath, String form,
            ChannelFamily channel, OffsetDateTime startedAt, OffsetDateTime endedAt, UUID campaignId,
            UUID assignmentId, String partnerId, VerificationStatus verificationStatus, boolean withdrawn,
            int quantity, long attendance, long reach, long plays, long interactions, long newSocialInsurance,
            long newHealthInsurance, long appInstalls, long nonCashConversions, long booksAndCardsDonated,
            long costVnd, boolean costReported, @JsonInclude(JsonInclude.Include.NON_NULL) Breakdowns breakdowns) {

        public static Revision of(Activity a, String orgUnitPath) {
            return new Revision(a.id, a.revision, a.orgUnitCode, orgUnitPath, a.form, FormCatalogue.channelOf(a.form), a.startedAt,
                    a.endedAt, a.campaignId, a.assignmentId, a.partnerId, a.verificationStatus, a.withdrawn,
                    a.quantity == null ? 1 : a.quantity, n(a.attendance), n(a.reach), n(a.plays), n(a.interactions),
                    n(a.newSocialInsurance), n(a.newHealthInsurance), n(a.appInstalls), n(a.nonCashConversions),
                    n(a.booksAndCardsDonated), n(a.costVnd), a.costVnd != null, a.breakdowns);
        }

        private static long n(Number value) {
            return value == null ? 0 : value.longValue();
        }

        /**
         * Exactly what Jackson writes for the record (ActivityEventsTest compares them), without its
         * reflective accessor calls: a bulk write serialises ten thousand of these a batch.
         */
        static final class Json extends StdSerializer<Revision> implements ResolvableSerializer {

            // Names encoded once, as Jackson's own bean serializers keep them.
            private static final SerializedString ACTIVITY_ID = new SerializedString("activityId");
            private static final SerializedString REVISION = new SerializedString("revision");
            private static final SerializedString ORG_UNIT_CODE = new SerializedString("orgUnitCode");
            private static final SerializedString ORG_UNIT_PATH = new SerializedString("orgUnitPath");
            private static final SerializedString FORM = new SerializedString("form");
            private static final SerializedString CHANNEL = new SerializedString("channel");
            private static final SerializedString STARTED_AT = new SerializedString("startedAt");
            private static final SerializedString ENDED_AT = new SerializedString("endedAt");
            private static final SerializedString CAMPAIGN_ID = new SerializedString("campaignId");
            private static final SerializedString ASSIGNMENT_ID = new SerializedString("assignmentId");
            private static final SerializedString PARTNER_ID = new SerializedString("partnerId");
            private static final SerializedString VERIFICATION_STATUS = new SerializedString("verificationStatus");
            private static final SerializedString WITHDRAWN = new SerializedString("withdrawn");
            private static final SerializedString QUANTITY = new SerializedString("quantity");
            private static final SerializedString ATTENDANCE = new SerializedString("attendance");
            private static final SerializedString REACH = new SerializedString("reach");
            private static final SerializedString PLAYS = new SerializedString("plays");
            private static final SerializedString INTERACTIONS = new SerializedString("interactions");
            private static final SerializedString NEW_SOCIAL_INSURANCE = new SerializedString("newSocialInsurance");
            private static final SerializedString NEW_HEALTH_INSURANCE = new SerializedString("newHealthInsurance");
            private static final SerializedString APP_INSTALLS = new SerializedString("appInstalls");
            private static final SerializedString NON_CASH_CONVERSIONS = new SerializedString("nonCashConversions");
            private static final SerializedString BOOKS_AND_CARDS_DONATED = new SerializedString("booksAndCardsDonated");
            private static final SerializedString COST_VND = new SerializedString("costVnd");
            private static final SerializedString COST_REPORTED = new SerializedString("costReported");
            private static final SerializedString BREAKDOWNS = new SerializedString("breakdowns");

            /** The mapper's own serializers of the field types, found once rather than looked up at every value. */
            private JsonSerializer<Object> uuids;
            private JsonSerializer<Object> times;
            private JsonSerializer<Object> channels;
            private JsonSerializer<Object> statuses;

            Json() {
                super(Revision.class);
            }

            @Override
            public void resolve(SerializerProvider provider) throws JsonMappingException {
                uuids = provider.findValueSerializer(UUID.class, null);
                times = provider.findValueSerializer(OffsetDateTime.class, null);
                channels = provider.findValueSerializer(ChannelFamily.class, null);
                statuses = provider.findValueSerializer(VerificationStatus.class, null);
            }

            @Override
            public void serialize(Revision r, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeStartObject(r);
                value(json, ACTIVITY_ID, r.activityId, uuids, provider);
                json.writeFieldName(REVISION);
                json.writeNumber(r.revision);
                text(json, ORG_UNIT_CODE, r.orgUnitCode);
                text(json, ORG_UNIT_PATH, r.orgUnitPath);
                text(json, FORM, r.form);
                value(json, CHANNEL, r.channel, channels, provider);
                value(json, STARTED_AT, r.startedAt, times, provider);
                value(json, ENDED_AT, r.endedAt, times, provider);
                value(json, CAMPAIGN_ID, r.campaignId, uuids, provider);
                value(json, ASSIGNMENT_ID, r.assignmentId, uuids, provider);
                text(json, PARTNER_ID, r.partnerId);
                value(json, VERIFICATION_STATUS, r.verificationStatus, statuses, provider);
                json.writeFieldName(WITHDRAWN);
                json.writeBoolean(r.withdrawn);
                json.writeFieldName(QUANTITY);
                json.writeNumber(r.quantity);
                json.writeFieldName(ATTENDANCE);
                json.writeNumber(r.attendance);
                json.writeFieldName(REACH);
                json.writeNumber(r.reach);
                json.writeFieldName(PLAYS);
                json.writeNumber(r.plays);
                json.writeFieldName(INTERACTIONS);
                json.writeNumber(r.interactions);
                json.writeFieldName(NEW_SOCIAL_INSURANCE);
                json.writeNumber(r.newSocialInsurance);
                json.writeFieldName(NEW_HEALTH_INSURANCE);
                json.writeNumber(r.newHealthInsurance);
                json.writeFieldName(APP_INSTALLS);
                json.writeNumber(r.appInstalls);
                json.writeFieldName(NON_CASH_CONVERSIONS);
                json.writeNumber(r.nonCashConversions);
                json.writeFieldName(BOOKS_AND_CARDS_DONATED);
                json.writeNumber(r.booksAndCardsDonated);
                json.writeFieldName(COST_VND);
                json.writeNumber(r.costVnd);
                json.writeFieldName(COST_REPORTED);
                json.writeBoolean(r.costReported);
                if (r.breakdowns != null) {
                    json.writeFieldName(BREAKDOWNS);
                    provider.defaultSerializeValue(r.breakdowns, json);
                }
                json.writeEndObject();
            }

            private static void text(JsonGenerator json, SerializedString name, String value) throws IOException {
                json.writeFieldName(name);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }

            private static void value(JsonGenerator json, SerializedString name, Object value,
                    JsonSerializer<Object> serializer, SerializerProvider provider) throws IOException {
                json.writeFieldName(name);
                if (value == null) {
                    provider.defaultSerializeNull(json);
                } else {
                    serializer.serialize(value, json, provider);
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
    public void publishedAll(List<Activity> activities, Function<Activity, String> pathOf) {
        bulk.write(TOPIC, activities.stream()
                .map(a -> new BulkOutbox.Pending(typeOf(a.lastChange), a.id.toString(), Revision.of(a, pathOf.apply(a))))
                .toList());
    }
}
