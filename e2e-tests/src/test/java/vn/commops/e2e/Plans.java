package vn.commops.e2e;

import static vn.commops.e2e.Gateway.admin;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/** Plans through the gateway: every plan but a master one derives from an approved plan of the type above. */
final class Plans {

    private Plans() {
    }

    static String approved(Map<String, Object> body) {
        String id = admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
        for (String action : new String[] {"SUBMIT", "APPROVE"}) {
            admin().contentType(ContentType.JSON).body(Map.of("action", action))
                    .when().post("/api/v1/plans/" + id + "/transitions").then().statusCode(200);
        }
        return id;
    }

    /**
     * An approved annual plan of {@code owner} for {@code year}, under an approved master plan of its own: what
     * a campaign or periodic plan of that year (of the owner or a unit below it) derives from.
     */
    static String approvedYear(String owner, int year) {
        Map<String, Object> master = new HashMap<>(Map.of("type", "MASTER",
                "title", "Đề án đổi mới tuyên truyền chính sách BHXH", "ownerUnitCode", owner,
                "periodStart", "2019-11-21", "periodEnd", "2030-12-31"));
        Map<String, Object> annual = new HashMap<>(Map.of("type", "ANNUAL",
                "title", "Kế hoạch thông tin, truyền thông năm " + year, "ownerUnitCode", owner,
                "periodStart", year + "-01-01", "periodEnd", year + "-12-31"));
        annual.put("parentPlanId", approved(master));
        return approved(annual);
    }
}
