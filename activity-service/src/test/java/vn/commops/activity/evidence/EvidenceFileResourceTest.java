package vn.commops.activity.evidence;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.PhotoFixtures;

@QuarkusTest
class EvidenceFileResourceTest {

    @Inject
    DataSource dataSource;

    private String province;
    private String commune;

    @BeforeEach
    void units() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
    }

    /** A small group on 2024-05-13 08:00–10:30 at Hồ Phai (22.2385, 104.1421). */
    private String activity() {
        Map<String, Object> body = Fixtures.smallGroup(commune);
        body.put("latitude", 22.2385);
        body.put("longitude", 104.1421);
        return as("unit-officer", commune).contentType(ContentType.JSON).body(body).when().post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
    }

    private static String files(String activity) {
        return "/api/v1/activities/" + activity + "/evidence-files";
    }

    @Test
    void aPhotoIsStoredWithItsExifComparedToTheActivity() {
        String activity = activity();
        byte[] photo = PhotoFixtures.jpegWithExif(800, 600, "2024:05:13 09:15:00", "+07:00", 22.2501, 104.1502);
        String sha256 = PhotoFixtures.sha256(photo);

        JsonPath attached = as("unit-officer", commune).contentType("image/jpeg").header("X-Content-SHA256", sha256)
                .body(photo).when().post(files(activity))
                .then().statusCode(201)
                .body("sha256", equalTo(sha256))
                .body("mediaType", equalTo("image/jpeg"))
                .body("sizeBytes", equalTo(photo.length))
                .body("capturedAt", equalTo("2024-05-13T02:15:00Z"))
                .body("findings.timeMatches", is(true))
                .body("findings.positionMatches", is(true))
                .extract().jsonPath();
        assertEquals(22.2501, attached.getDouble("latitude"), 0.0001);
        assertEquals(104.1502, attached.getDouble("longitude"), 0.0001);
        assertEquals(1.5, attached.getDouble("findings.distanceKm"), 0.5);

        as("viewer").when().get(files(activity)).then().statusCode(200)
                .body("", hasSize(1)).body("[0].uploadedBy", startsWith("unit-officer"));
        as("viewer").when().get("/api/v1/activities/" + activity).then().statusCode(200)
                .body("evidence", hasSize(1))
                .body("evidence[0].sha256", equalTo(sha256))
                .body("evidence[0].url", endsWith(files(activity) + "/" + sha256 + "/content"))
                .body("evidence[0].capturedAt", equalTo("2024-05-13T02:15:00Z"));
        byte[] downloaded = as("viewer").when().get(files(activity) + "/" + sha256 + "/content")
                .then().statusCode(200).contentType("image/jpeg")
                .header("ETag", "\"" + sha256 + "\"")
                .header("Content-Disposition", "attachment; filename=\"" + sha256 + ".jpg\"")
                .extract().asByteArray();
        assertArrayEquals(photo, downloaded);
    }

    @Test
    void anAttachedPhotoMeetsThePhotoRuleOfAVerificationByAnotherManager() {
        Map<String, Object> body = Fixtures.smallGroup(commune);
        body.put("latitude", 22.2385);
        body.put("longitude", 104.1421);
        String activity = Fixtures.asManager("evidence-reporter", province).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        Map<String, String> decision = Map.of("decision", "VERIFIED");
        Fixtures.asManager("evidence-reviewer", province).contentType(ContentType.JSON).body(decision)
                .when().post("/api/v1/activities/" + activity + "/verification")
                .then().statusCode(422).body("errors[0].field", equalTo("evidence"));

        // its URL has no photo's ending: the content, recognised as JPEG on upload, is what makes it a photo
        byte[] photo = PhotoFixtures.jpegWithExif(640, 480, "2024:05:13 09:00:00", "+07:00", 22.2390, 104.1430);
        Fixtures.asManager("evidence-reporter", province).contentType("image/jpeg").body(photo)
                .when().post(files(activity)).then().statusCode(201);
        Fixtures.asManager("evidence-reporter", province).contentType(ContentType.JSON).body(decision)
                .when().post("/api/v1/activities/" + activity + "/verification")
                .then().statusCode(403).body("type", endsWith("own-report"));
        Fixtures.asManager("evidence-reviewer", province).contentType(ContentType.JSON).body(decision)
                .when().post("/api/v1/activities/" + activity + "/verification")
                .then().statusCode(200).body("verificationStatus", equalTo("VERIFIED"));
    }

    @Test
    void aPhotoFarFromTheActivityIsAFindingNotARefusal() {
        String activity = activity();
        // Hà Nội, a week later
        byte[] photo = PhotoFixtures.jpegWithExif(400, 300, "2024:05:20 09:15:00", "+07:00", 21.0278, 105.8342);
        as("unit-officer", commune).contentType("image/jpeg").body(photo).when().post(files(activity))
                .then().statusCode(201)
                .body("findings.timeMatches", is(false))
                .body("findings.positionMatches", is(false));
    }

    @Test
    void aThumbnailIsServedForAPhoto() throws IOException {
        String activity = activity();
        byte[] photo = PhotoFixtures.jpegWithExif(1600, 1200, "2024:05:13 09:15:00", "+07:00", 22.2501, 104.1502);
        String sha256 = as("unit-officer", commune).contentType("image/jpeg").body(photo).when().post(files(activity))
                .then().statusCode(201).extract().path("sha256");
        for (int request = 0; request < 2; request++) {
            byte[] thumbnail = as("viewer").when().get(files(activity) + "/" + sha256 + "/thumbnail")
                    .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
            assertEquals(320, image.getWidth());
            assertEquals(240, image.getHeight());
        }
    }

    @Test
    void theSameFileUploadedTwiceIsStoredOnce() throws SQLException {
        String first = activity();
        String second = activity();
        byte[] photo = PhotoFixtures.png(300, 200);
        String sha256 = PhotoFixtures.sha256(photo);

        as("unit-officer", commune).contentType("image/png").body(photo).when().post(files(first)).then().statusCode(201);
        as("unit-officer", commune).contentType("image/png").body(photo).when().post(files(first)).then().statusCode(200);
        as("unit-officer", commune).contentType("image/png").body(photo).when().post(files(second)).then().statusCode(201);
        as("unit-officer", commune).contentType("image/png").body(photo).when().post("/api/v1/evidence-files")
                .then().statusCode(200).body("sha256", equalTo(sha256));

        assertEquals(1, count("select count(*) from evidence_file where sha256 = ?", sha256));
        assertEquals(1, count("select count(*) from evidence_chunk where sha256 = ?", sha256));
        as("viewer").when().get(files(first)).then().body("", hasSize(1));
        as("viewer").when().get("/api/v1/activities/" + first).then().body("evidence", hasSize(1));
    }

    @Test
    void aFileWhoseHashIsNotTheAnnouncedOneIsRefusedAndNothingStored() throws SQLException {
        String activity = activity();
        byte[] photo = PhotoFixtures.png(200, 100);
        as("unit-officer", commune).contentType("image/png").header("X-Content-SHA256", "0".repeat(64)).body(photo)
                .when().post(files(activity))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:evidence-hash-mismatch"))
                .body("errors[0].field", equalTo("X-Content-SHA256"));
        assertEquals(0, count("select count(*) from evidence_file where sha256 = ?", PhotoFixtures.sha256(photo)));
        as("viewer").when().get(files(activity)).then().body("", hasSize(0));
    }

    @Test
    void aTypeIsJudgedByContentNotByWhatIsDeclared() {
        String activity = activity();
        as("unit-officer", commune).contentType("image/jpeg").body("<script>alert(1)</script>".getBytes())
                .when().post(files(activity))
                .then().statusCode(415).body("type", equalTo("urn:commops:problem:unsupported-evidence-type"))
                .body("errors[0].field", equalTo("body"));
        as("unit-officer", commune).contentType("image/jpeg").body(PhotoFixtures.png(50, 50))
                .when().post(files(activity))
                .then().statusCode(415).body("type", equalTo("urn:commops:problem:evidence-type-mismatch"))
                .body("errors[0].field", equalTo("Content-Type"));
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
        as("unit-officer", commune).contentType("application/octet-stream").body(pdf).when().post(files(activity))
                .then().statusCode(201).body("mediaType", equalTo("application/pdf"))
                .body("thumbnailUrl", equalTo(null));
    }

    @Test
    void anotherUnitsPartnerNeitherReadsNorAttaches() {
        String activity = activity();
        byte[] photo = PhotoFixtures.png(60, 40);
        String sha256 = as("unit-officer", commune).contentType("image/png").body(photo).when().post(files(activity))
                .then().statusCode(201).extract().path("sha256");
        String[] other = OrgUnitEventsFixture.knownProvinceAndCommune();
        String partner = Fixtures.partner("evidence", java.util.List.of(other[0]));

        vn.commops.common.testing.TestTokens.asPartner(partner, other[0]).when().get(files(activity))
                .then().statusCode(403);
        vn.commops.common.testing.TestTokens.asPartner(partner, other[0]).when()
                .get(files(activity) + "/" + sha256 + "/content").then().statusCode(403);
        vn.commops.common.testing.TestTokens.asPartner(partner, other[0]).contentType("image/png")
                .body(PhotoFixtures.png(61, 40)).when().post(files(activity)).then().statusCode(403);
        as("viewer").contentType("image/png").body(photo).when().post(files(activity)).then().statusCode(403);
        as("unit-officer", other[1]).contentType("image/png").body(photo).when().post(files(activity))
                .then().statusCode(403);
        assertTrue(province != null);
    }

    @Test
    void aFileNotAttachedToTheActivityIsNotFound() {
        String activity = activity();
        byte[] photo = PhotoFixtures.png(70, 40);
        String sha256 = asNationalAdmin().contentType("image/png").body(photo).when().post("/api/v1/evidence-files")
                .then().statusCode(201).extract().path("sha256");
        as("viewer").when().get(files(activity) + "/" + sha256 + "/content").then().statusCode(404);
    }

    private long count(String sql, String sha256) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, sha256);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
