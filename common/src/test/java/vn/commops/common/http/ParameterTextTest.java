package vn.commops.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.commops.common.problem.ProblemException;

class ParameterTextTest {

    @Test
    void decodesWellFormedEscapes() {
        assertEquals("Lào Cai", ParameterText.decode("q", "L%C3%A0o+Cai", true));
        assertEquals("a+b", ParameterText.decode("path", "a+b", false));
        assertEquals("Lào\u0000", ParameterText.decode("q", "Lào%00", true));
    }

    @Test
    void refusesWhatLenientDecodersRepair() {
        ProblemException broken = assertThrows(ProblemException.class, () -> ParameterText.decode("q", "a%zz", true));
        assertEquals("q", broken.errors().get(0).field());
        assertThrows(ProblemException.class, () -> ParameterText.decode("q", "a%", true));
        assertThrows(ProblemException.class, () -> ParameterText.decode("q", "%ff%fe", true));
        assertThrows(ProblemException.class, () -> ParameterText.decode("q", "%ED%A0%80", true));
    }
}
