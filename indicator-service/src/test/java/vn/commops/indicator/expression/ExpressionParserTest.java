package vn.commops.indicator.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    private static final Map<String, Double> VALUES = Map.of("A", 6.0, "B", 3.0, "ACTIVITY_COUNT[CONFERENCE]", 4.0,
            "ACTIVITY_COUNT", 10.0);

    private static double eval(String text) {
        return ExpressionParser.parse(text).evaluate(ref -> VALUES.get(ref.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "A + B; 9",
        "A - B - 1; 2",
        "A * B + 1; 19",
        "1 + A * B; 19",
        "(1 + A) * B; 21",
        "A / B / 2; 1",
        "-A + 10; 4",
        "2 * -(A - B); -6",
        "1e6 * B; 3000000",
        "0.5 * A; 3",
        "ACTIVITY_COUNT[CONFERENCE] / ACTIVITY_COUNT; 0.4",
        "ACTIVITY_COUNT[ CONFERENCE ] * 2; 8"
    })
    void arithmeticFollowsPrecedenceAndAssociativity(String text, double expected) {
        assertEquals(expected, eval(text), 1e-9);
    }

    @Test
    void divisionByZeroIsNotANumber() {
        assertTrue(Double.isNaN(ExpressionParser.parse("A / (B - B)").evaluate(ref -> VALUES.get(ref.toString()))));
    }

    @Test
    void aReferenceMayNameOneCategoryOfABreakdownAfterItsForm() {
        var references = ExpressionParser.parse("NEW_SOCIAL_INSURANCE[SMALL_GROUP]{ sex : FEMALE } / ATTENDANCE{age:15_24}")
                .references().toList();
        assertEquals(new ElementRef("NEW_SOCIAL_INSURANCE", "SMALL_GROUP", "sex", "FEMALE", 1), references.get(0));
        assertEquals(new ElementRef("ATTENDANCE", null, "age", "15_24", 53), references.get(1));
        assertEquals("ATTENDANCE{age:15_24}", references.get(1).toString());
        assertThrows(ExpressionParser.InvalidExpressionException.class, () -> ExpressionParser.parse("ATTENDANCE{sex}"));
        assertThrows(ExpressionParser.InvalidExpressionException.class,
                () -> ExpressionParser.parse("ATTENDANCE{sex:FEMALE"));
    }

    @Test
    void referencesKeepTheirFormAndPosition() {
        var references = ExpressionParser.parse("ATTENDANCE[CONFERENCE] / ACTIVITY_COUNT").references().toList();
        assertEquals(new ElementRef("ATTENDANCE", "CONFERENCE", 1), references.get(0));
        assertEquals(new ElementRef("ACTIVITY_COUNT", null, 26), references.get(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "A +; 4",
        "A + * B; 5",
        "(A + B; 7",
        "A + B); 6",
        "A B; 3",
        "A[CONFERENCE; 13",
        "A[]; 3",
        "A # B; 3",
        "'  '; 1",
        "1..2 + A; 1"
    })
    void malformedFormulasNameThePosition(String text, int position) {
        ExpressionParser.InvalidExpressionException e = assertThrows(ExpressionParser.InvalidExpressionException.class,
                () -> ExpressionParser.parse(text));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith("at position " + position + ":"), e.getMessage());
    }
}
