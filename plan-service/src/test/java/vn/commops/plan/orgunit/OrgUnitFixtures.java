package vn.commops.plan.orgunit;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import vn.commops.common.testing.UniqueCodes;

/** Builds org-unit trees through the API, with codes unique to each test. */
public final class OrgUnitFixtures {

    private OrgUnitFixtures() {
    }

    public static String uniqueCode(String stem) {
        return UniqueCodes.of(stem);
    }

    public static Map<String, Object> unit(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("levelCode", level);
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return body;
    }

    public static void create(String code, String name, String level, String parent) {
        asNationalAdmin().contentType(ContentType.JSON).body(unit(code, name, level, parent))
                .when().post("/api/v1/org-units")
                .then().statusCode(201);
    }

    /** A unit that exists from the given day, so reorganisations may be dated after it. */
    public static String create(String stem, String name, String level, String parent, String validFrom) {
        String code = uniqueCode(stem);
        Map<String, Object> body = unit(code, name, level, parent);
        body.put("validFrom", validFrom);
        asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/org-units")
                .then().statusCode(201);
        return code;
    }

    /** National → province → commune; returns the three codes. */
    public static String[] tree() {
        String national = uniqueCode("VN");
        String province = uniqueCode("LC");
        String commune = uniqueCode("LC-HP");
        create(national, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        create(province, "Bảo hiểm xã hội tỉnh Lào Cai", "PROVINCE", national);
        create(commune, "Xã Hồ Phai", "COMMUNE", province);
        return new String[] {national, province, commune};
    }
}
