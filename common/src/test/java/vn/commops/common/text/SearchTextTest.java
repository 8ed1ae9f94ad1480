package vn.commops.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void vietnameseDiacriticsAndCaseFoldAway() {
        assertEquals("bao hiem xa hoi tinh lao cai", SearchText.fold("Bảo hiểm  xã hội tỉnh LÀO CAI"));
        assertEquals("dong thap", SearchText.fold("Đồng Tháp"));
    }

    @Test
    void clientWildcardsAreLiteral() {
        assertEquals("%50\\% off\\_x%", SearchText.containsPattern("50% off_x"));
    }
}
