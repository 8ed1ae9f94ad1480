package vn.commops.activity.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

@QuarkusTest
class OrgUnitReplicaTest {

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String code = OrgUnitEventsFixture.uniqueCode("LC-X");
        UUID first = UUID.randomUUID();
        String original = OrgUnitEventsFixture.created(first, code, "Tên cũ", "/VN/LC/" + code + "/");
        String renamed = OrgUnitEventsFixture.created(UUID.randomUUID(), code, "Tên mới", "/VN/LC/" + code + "/");

        // A marker behind the redelivery, on the same key and so the same partition, shows the consumer passed it.
        String marker = OrgUnitEventsFixture.uniqueCode("LC-M");
        TopicProbe.send("org-units", code, original, renamed, original,
                OrgUnitEventsFixture.created(UUID.randomUUID(), marker, "Xã Hồ Phai", "/VN/LC/" + marker + "/"));
        OrgUnitEventsFixture.awaitName(marker, "Xã Hồ Phai");

        assertEquals("Tên mới", OrgUnitEventsFixture.nameOf(code), "the redelivered first event was applied again");
        assertEquals("Xã Hồ Phai", OrgUnitEventsFixture.nameOf(marker));
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TopicProbe.send("org-units", key, "{not an envelope");

        TopicProbe.Received dead = TopicProbe.awaitMessage("dead-letter.activity-service",
                m -> key.equals(m.key()), Duration.ofSeconds(20));

        assertEquals(key, dead.key());
        // and the consumer carries on with the next event
        OrgUnitEventsFixture.knownCommune();
    }
}
