package vn.commops.plan.notification;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.testing.RealSmtpServer;

final class NotificationFixtures {

    private NotificationFixtures() {
    }

    static String uniqueUser(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String emailOf(String username) {
        return username + "@bhxh.test";
    }

    static Map<String, Object> recipient(String username, String language, String unit, List<String> kinds,
            List<Map<String, Object>> dutyWindows) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", emailOf(username));
        body.put("language", language);
        body.put("orgUnitCode", unit);
        body.put("kinds", kinds);
        body.put("dutyWindows", dutyWindows);
        return body;
    }

    static Map<String, Object> window(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return Map.of("startsAt", startsAt.toString(), "endsAt", endsAt.toString());
    }

    static void register(String username, String language, String unit, List<String> kinds,
            List<Map<String, Object>> dutyWindows) {
        asNationalAdmin().contentType(ContentType.JSON).body(recipient(username, language, unit, kinds, dutyWindows))
                .when().put("/api/v1/notification-recipients/" + username)
                .then().statusCode(201);
    }

    static List<MimeMessage> mailTo(String username) {
        return RealSmtpServer.receivedBy(emailOf(username));
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a text + HTML message. */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                        return multipart.getBodyPart(i).getContent().toString();
                    }
                    if (multipart.getBodyPart(i).getContent() instanceof jakarta.mail.Multipart inner) {
                        for (int j = 0; j < inner.getCount(); j++) {
                            if (inner.getBodyPart(j).isMimeType("text/plain")) {
                                return inner.getBodyPart(j).getContent().toString();
                            }
                        }
                    }
                }
            }
            return content.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
