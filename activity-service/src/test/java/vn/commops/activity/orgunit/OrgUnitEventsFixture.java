package vn.commops.activity.orgunit;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.commops.common.orgunit.KnownOrgUnit;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.TopicProbe;

/** Publishes org-unit events as plan-service would, and waits until the replica has them. */
public final class OrgUnitEventsFixture {

    private OrgUnitEventsFixture() {
    }

    public static String uniqueCode(String stem) {
        return stem + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)).toUpperCase();
    }

    public static String created(UUID eventId, String code, String name, String path) {
        return Envelopes.envelope(eventId, "org-unit.created", "plan-service", code, Envelopes.data()
                .put("code", code).put("name", name).put("levelCode", "COMMUNE").put("path", path));
    }

    /** A commune known to the replica; returns its code. */
    public static String knownCommune() {
        String code = uniqueCode("LC-HP");
        TopicProbe.send("org-units", code, created(UUID.randomUUID(), code, "Xã Hồ Phai", "/VN/LC/" + code + "/"));
        awaitName(code, "Xã Hồ Phai");
        return code;
    }

    public static void awaitName(String code, String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> name.equals(nameOf(code)));
    }

    public static String nameOf(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnownOrgUnit unit = KnownOrgUnit.findById(code);
            return unit == null ? null : unit.name;
        });
    }
}
