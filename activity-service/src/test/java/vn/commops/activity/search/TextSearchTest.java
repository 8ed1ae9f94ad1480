package vn.commops.activity.search;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.text.SearchText;

/** Activities and communicators are found by text with or without diacritics, through trigram indexes. */
@QuarkusTest
class TextSearchTest {

    @Inject
    EntityManager entityManager;

    @Test
    void hoPhaiFindsHoPhaiInActivitiesAndCommunicators() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        Map<String, Object> group = Fixtures.smallGroup(units[1]);
        group.put("title", "Đối thoại chính sách " + marker);
        group.put("place", "Nhà văn hoá thôn Hồ Phai");
        String activity = as("unit-officer", units[1]).contentType(ContentType.JSON).body(group)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String communicator = as("unit-manager", units[0]).contentType(ContentType.JSON).body(Map.of(
                        "fullName", "Hồ Thị Phai " + marker, "kind", "VILLAGE_HEAD", "orgUnitCode", units[1]))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");

        as("viewer").queryParam("q", "doi thoai chinh sach " + marker).when().get("/api/v1/activities").then()
                .statusCode(200).body("items.id", contains(activity));
        as("viewer").queryParam("q", marker).queryParam("orgUnit", units[1]).when().get("/api/v1/activities").then()
                .body("items.id", contains(activity));
        as("viewer").queryParam("q", "ho phai").queryParam("orgUnit", units[1]).when().get("/api/v1/activities")
                .then().body("items.id", hasItem(activity));
        as("viewer").queryParam("q", "ho thi phai " + marker).when().get("/api/v1/communicators").then()
                .statusCode(200).body("items.id", contains(communicator));
        as("viewer").queryParam("q", "HỒ THỊ " + marker).when().get("/api/v1/communicators").then()
                .body("items.id", not(hasItem(communicator)));
        as("viewer").queryParam("q", "HỒ THỊ PHAI " + marker).when().get("/api/v1/communicators").then()
                .body("items.id", contains(communicator));
    }

    @Test
    void percentAndUnderscoreAreTakenLiterally() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        for (String name : List.of("Ma_so " + marker, "Maxso " + marker)) {
            as("unit-manager", units[0]).contentType(ContentType.JSON)
                    .body(Map.of("fullName", name, "kind", "OFFICER", "orgUnitCode", units[1]))
                    .when().post("/api/v1/communicators").then().statusCode(201);
        }
        as("viewer").queryParam("q", "ma_so " + marker).when().get("/api/v1/communicators").then()
                .body("items.fullName", contains("Ma_so " + marker));
        as("viewer").queryParam("q", "%" + marker).when().get("/api/v1/communicators").then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theDatabaseFoldsAsTheServiceDoes() {
        for (String text : List.of("Bảo hiểm xã hội tỉnh LÀO CAI", "Đồng Tháp", "  Hồ   Phai ", "ĐĂK LĂK",
                "Ưu đãi Quỹ Hưu trí", "ỷ ỹ ỵ Ỳ", "e\u0301 decomposed")) {
            String folded = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                    .createNativeQuery("select search_fold(:text)").setParameter("text", text).getSingleResult());
            assertEquals(SearchText.fold(text), folded, text);
        }
    }

    @Test
    void theSearchesUseTheTrigramIndexes() {
        assertTrue(plan("select id from activity where activity_search_text(title, place) like '%ho phai%'")
                .contains("activity_search_text"), "activity search does not use its index");
        assertTrue(plan("select id from communicator where communicator_search_text(full_name, role) like '%ho phai%'")
                .contains("communicator_search_text"), "communicator search does not use its index");
    }

    /** The plan with sequential scans priced out, as on a table large enough for the index to win. */
    private String plan(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager.createNativeQuery("explain " + query).getResultList();
            return lines.stream().collect(Collectors.joining("\n"));
        });
    }
}
