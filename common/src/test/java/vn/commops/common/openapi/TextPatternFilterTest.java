package vn.commops.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import vn.commops.contract.ControlCharacters;

class TextPatternFilterTest {

    private final TextPatternFilter filter = new TextPatternFilter();

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    @Test
    void theDescriptionSaysWhatTheReaderRefuses() {
        Schema request = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("title", text().pattern("\\S"))
                .addProperty("description", text())
                .addProperty("keywords", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(text()))
                .addProperty("code", text().pattern("^[A-Z]+$"))
                .addProperty("startedAt", text().format("date-time"));

        filter.filterSchema(request);

        String title = request.getProperties().get("title").getPattern();
        String description = request.getProperties().get("description").getPattern();
        assertEquals(ControlCharacters.TEXT_PATTERN, description);
        assertEquals(ControlCharacters.SINGLE_LINE_PATTERN,
                request.getProperties().get("keywords").getItems().getPattern());
        assertEquals("^[A-Z]+$", request.getProperties().get("code").getPattern());
        assertNull(request.getProperties().get("startedAt").getPattern());

        // The patterns mean what the JSON reader does (ECMA and Java agree on these).
        assertMatches(title, "Thôn Hồ Phai", true);
        assertMatches(title, "   ", false);
        assertMatches(title, "Hồ\nPhai", false);
        assertMatches(description, "Hai buổi:\r\n\tsáng", true);
        assertMatches(description, "a\u0000b", false);
    }

    @Test
    void aParameterIsASingleLine() {
        Parameter parameter = OASFactory.createParameter().schema(text());
        filter.filterParameter(parameter);
        assertEquals(ControlCharacters.SINGLE_LINE_PATTERN, parameter.getSchema().getPattern());
    }

    @Test
    void filteringAgainChangesNothing() {
        Schema request = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("title", text().pattern("\\S"));
        filter.filterSchema(request);
        String once = request.getProperties().get("title").getPattern();
        filter.filterSchema(request);
        assertEquals(once, request.getProperties().get("title").getPattern());
    }

    private static void assertMatches(String pattern, String value, boolean matches) {
        assertEquals(matches, Pattern.compile(pattern).matcher(value).matches(), pattern + " on " + value);
    }
}
