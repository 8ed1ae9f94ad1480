package vn.commops.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.contract.problem.ProblemLanguage;

class ProblemTextsTest {

    private static final java.util.Locale VI = ProblemLanguage.VIETNAMESE;
    private static final java.util.Locale EN = ProblemLanguage.ENGLISH;

    @Test
    void notFoundNamesTheThingInTheClientsLanguage() {
        ProblemException missing = ProblemException.notFound("Plan", "42");
        assertEquals("Không tìm thấy kế hoạch", missing.title(VI));
        assertEquals("Không tồn tại kế hoạch '42'", missing.detail(VI));
        assertEquals("Plan not found", missing.title(EN));
        assertEquals("Plan '42' does not exist", missing.detail(EN));
    }

    @Test
    void aFieldAtFaultIsTranslatedByItsEnglishWording() {
        ProblemException blank = ProblemException.badRequest("validation", "title", "must not be blank");
        assertEquals("Yêu cầu không hợp lệ", blank.title(VI));
        assertEquals("title: không được để trống", blank.detail(VI));
        assertEquals(List.of(new Problem.FieldError("title", "không được để trống")), blank.errors(VI));
        assertEquals("title: must not be blank", blank.detail(EN));
    }

    @Test
    void anUntranslatedProblemKeepsItsEnglishDetailUnderTheStatusTitle() {
        ProblemException rule = ProblemException.conflict("some-new-rule", "The plan is closed");
        assertEquals("Xung đột với trạng thái hiện tại", rule.title(VI));
        assertEquals("The plan is closed", rule.detail(VI));
        ProblemException teapot = new ProblemException(418, "teapot", "I'm a teapot", "Short and stout", List.of());
        assertEquals("I'm a teapot", teapot.title(VI));
    }

    @Test
    void aPatternNeverShowsPlaceholdersItHasNoValuesFor() {
        assertEquals("Không tìm thấy", ProblemTexts.title(VI, "not-found", 404, "Not Found"));
        assertEquals("Không có tài nguyên nào ở địa chỉ này",
                ProblemTexts.detail(VI, "http.not-found", "No resource here"));
    }
}
