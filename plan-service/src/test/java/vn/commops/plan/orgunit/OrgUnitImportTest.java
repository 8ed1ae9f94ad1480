package vn.commops.plan.orgunit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.plan.demo.DemoHierarchy;

@QuarkusTest
class OrgUnitImportTest {

    @Inject
    DemoHierarchy demo;

    @Test
    void aCsvImportIsIdempotentByCodeWithAReportPerRow() {
        String vn = OrgUnitFixtures.uniqueCode("VN");
        String lc = OrgUnitFixtures.uniqueCode("LC");
        String commune = OrgUnitFixtures.uniqueCode("LC-HP");
        String csv = "code,name,levelCode,parentCode,validFrom\n"
                + vn + ",Bảo hiểm xã hội Việt Nam,NATIONAL,,2025-07-01\n"
                + lc + ",\"Bảo hiểm xã hội tỉnh Lào Cai, cơ sở\",PROVINCE," + vn + ",2025-07-01\n"
                + commune + ",Xã Hồ Phai,COMMUNE," + lc + ",2025-07-01\n"
                + "bad code,Xã,COMMUNE," + lc + ",\n"
                + OrgUnitFixtures.uniqueCode("X") + ",Xã Mồ Côi,COMMUNE,NOWHERE,2025-07-01\n";

        asNationalAdmin().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/v1/org-units/imports")
                .then().statusCode(200)
                .body("created", equalTo(3))
                .body("rejected", equalTo(2))
                .body("rows.outcome", contains("CREATED", "CREATED", "CREATED", "REJECTED", "REJECTED"))
                .body("rows[3].row", equalTo(4))
                .body("rows[3].errors[0].field", equalTo("code"))
                .body("rows[4].errors[0].field", equalTo("parentCode"));
        asNationalAdmin().when().get("/api/v1/org-units/" + lc)
                .then().body("name", equalTo("Bảo hiểm xã hội tỉnh Lào Cai, cơ sở"));

        String again = csv.replace("Xã Hồ Phai", "Xã Hồ Phai mới");
        asNationalAdmin().contentType("text/csv; charset=UTF-8").body(again).when().post("/api/v1/org-units/imports")
                .then().statusCode(200)
                .body("rows.outcome", contains("UNCHANGED", "UNCHANGED", "UPDATED", "REJECTED", "REJECTED"));
        asNationalAdmin().when().get("/api/v1/org-units/" + commune).then().body("name", equalTo("Xã Hồ Phai mới"));
    }

    @Test
    void aJsonImportMovesAUnitWhoseParentChangedAndRejectsUngrantedRows() {
        String[] tree = OrgUnitFixtures.tree();
        String other = OrgUnitFixtures.uniqueCode("YB");
        List<Map<String, Object>> rows = List.of(
                OrgUnitFixtures.unit(other, "Tỉnh Yên Bái", "PROVINCE", tree[0]),
                OrgUnitFixtures.unit(tree[2], "Xã Hồ Phai", "COMMUNE", other));

        as("unit-manager", tree[1]).contentType(ContentType.JSON).body(rows).when().post("/api/v1/org-units/imports")
                .then().statusCode(200)
                .body("rows.outcome", contains("REJECTED", "REJECTED"));

        asNationalAdmin().contentType(ContentType.JSON).body(rows).when().post("/api/v1/org-units/imports")
                .then().statusCode(200)
                .body("rows.outcome", contains("CREATED", "UPDATED"));
        asNationalAdmin().when().get("/api/v1/org-units/" + tree[2])
                .then().body("path", equalTo("/" + tree[0] + "/" + other + "/" + tree[2] + "/"));
    }

    @Test
    void theDemoHierarchyLoadsOnceAndThenFindsEveryUnitUnchanged() {
        demo.load();
        var second = demo.load();
        assertEquals(0, second.created() + second.updated() + second.rejected());
        asNationalAdmin().when().get("/api/v1/org-units/LC-HOPHAI")
                .then().statusCode(200)
                .body("name", equalTo("Xã Hồ Phai"))
                .body("path", equalTo("/VN/LC/LC-HOPHAI/"));
        asNationalAdmin().queryParam("q", "ha noi").queryParam("level", "PROVINCE").when().get("/api/v1/org-units")
                .then().body("items.code", contains("HN"));
    }
}
