package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.RealSmtpServer;

/**
 * Issue 24, part 3, through the gateway: a unit manager registers a person of their province, the
 * national centre gives the province an assignment, and the person's email arrives at a real SMTP
 * server, once, in their language.
 */
class NotificationIT {

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    @Test
    void aNewAssignmentReachesTheUnitsManagerByEmail() throws Exception {
        String[] units = Gateway.createHierarchy("QN", "Bảo hiểm xã hội tỉnh Quảng Ninh", "Phường Hạ Long");
        String province = units[1];
        String manager = "qn-manager-" + Gateway.uniqueSuffix().toLowerCase();
        String address = manager + "@bhxh.test";
        Map<String, Object> recipient = Map.of("email", address, "language", "vi", "orgUnitCode", province,
                "kinds", List.of("ASSIGNMENT"));
        as("lc-manager", province).contentType(ContentType.JSON).body(recipient)
                .when().put("/api/v1/notification-recipients/" + manager)
                .then().statusCode(201)
                .body("kinds", equalTo(List.of("ASSIGNMENT")));

        Map<String, Object> task = new HashMap<>();
        task.put("orgUnitCode", province);
        task.put("title", "Hội nghị đối thoại chính sách BHXH tự nguyện");
        task.put("form", "CONFERENCE");
        task.put("quantity", 4);
        task.put("budgetVnd", 20_000_000);
        task.put("startDate", LocalDate.now().toString());
        task.put("dueDate", LocalDate.now().plusDays(30).toString());
        String assignment = admin().contentType(ContentType.JSON).body(task)
                .when().post("/api/v1/assignments")
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> RealSmtpServer.receivedBy(address).size() == 1);
        MimeMessage mail = RealSmtpServer.receivedBy(address).get(0);
        assertEquals("Nhiệm vụ mới cho đơn vị " + province, mail.getSubject());
        assertTrue(plainText(mail).contains(assignment), "the mail names the assignment");
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                .until(() -> RealSmtpServer.receivedBy(address).size() == 1);
    }

    /** The text/plain part of the message, however deep in its multiparts. */
    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
