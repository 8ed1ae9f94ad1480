package vn.commops.plan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotificationTextsTest {

    @Test
    void aMessageIsWrittenInTheAddresseesLanguage() {
        NotificationTexts.Message vi = NotificationTexts.render(NotificationKind.OVERDUE_ANSWER, "vi", "LC-HOPHAI",
                "2025-03-14T17:00+07:00", "f-1");
        NotificationTexts.Message en = NotificationTexts.render(NotificationKind.OVERDUE_ANSWER, "en", "LC-HOPHAI",
                "2025-03-14T17:00+07:00", "f-1");
        assertEquals("Quá hạn trả lời phản ánh tại đơn vị LC-HOPHAI", vi.subject());
        assertEquals("Overdue answer to feedback in LC-HOPHAI", en.subject());
    }

    @Test
    void theHtmlPartEscapesWhatTheEventCarries() {
        NotificationTexts.Message message = NotificationTexts.render(NotificationKind.CRISIS_SIGNAL, "vi",
                "<script>alert(1)</script>", "LC", 30, "0", "a", "b", "s-1");
        assertTrue(message.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), message.html());
        assertTrue(message.text().contains("<script>"), "the plain-text part is the text as it is");
        assertTrue(message.html().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void anAbsentFactShowsAsADash() {
        NotificationTexts.Message message = NotificationTexts.render(NotificationKind.BEHIND_TARGET, "en", "LC",
                "NEW_HI_PARTICIPANTS", "202405", null, "1032.26", "2000", null);
        assertTrue(message.text().contains("Value: —;"), message.text());
    }
}
