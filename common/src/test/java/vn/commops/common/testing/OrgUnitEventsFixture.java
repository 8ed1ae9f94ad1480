package vn.commops.common.testing;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Publishes org-unit events as plan-service would, and waits until the service's replica has them. */
public final class OrgUnitEventsFixture {

    private OrgUnitEventsFixture() {
    }

    public static String uniqueCode(String stem) {
        return UniqueCodes.of(stem);
    }

    public static String created(UUID eventId, String code, String name, String path) {
        return Envelopes.envelope(eventId, "org-unit.created", "plan-service", code, Envelopes.data()
                .put("code", code).put("name", name).put("levelCode", "COMMUNE").put("path", path)
                .put("parentCode", parentOf(path)));
    }

    /** '/VN/LC/LC-HOPHAI/' → 'LC'; a root has no parent. */
    public static String parentOf(String path) {
        String[] codes = path.substring(1).split("/");
        return codes.length < 2 ? null : codes[codes.length - 2];
    }

    /** A commune known to the replica, under /VN/LC/; returns its code. */
    public static String knownCommune() {
        String code = uniqueCode("LC-HP");
        TopicProbe.send("org-units", code, created(UUID.randomUUID(), code, "Xã Hồ Phai", "/VN/LC/" + code + "/"));
        awaitName(code, "Xã Hồ Phai");
        return code;
    }

    /** A province and a commune in it, both known to the replica; returns {province, commune}. */
    public static String[] knownProvinceAndCommune() {
        String province = uniqueCode("P");
        String commune = uniqueCode("C");
        TopicProbe.send("org-units", province, created(UUID.randomUUID(), province, "Tỉnh " + province,
                "/VN/" + province + "/"));
        TopicProbe.send("org-units", commune, created(UUID.randomUUID(), commune, "Xã " + commune,
                "/VN/" + province + "/" + commune + "/"));
        awaitName(province, "Tỉnh " + province);
        awaitName(commune, "Xã " + commune);
        return new String[] {province, commune};
    }

    public static void awaitName(String code, String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> name.equals(nameOf(code)));
    }

    /** Read with SQL: the test-jar is not enhanced like application classes, so entity fields are off limits. */
    public static String nameOf(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> names = Arc.container().instance(EntityManager.class).get()
                    .createNativeQuery("select name from org_unit_replica where code = :code")
                    .setParameter("code", code)
                    .getResultList();
            return names.isEmpty() ? null : (String) names.get(0);
        });
    }
}
