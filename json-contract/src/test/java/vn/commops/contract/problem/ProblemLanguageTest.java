package vn.commops.contract.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemLanguageTest {

    @Test
    void vietnameseWhenTheClientSaysNothingOrNamesNeitherLanguage() {
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of(null));
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of(""));
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of("fr-FR, de;q=0.5"));
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of("*"));
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of(";;q=abc"));
    }

    @Test
    void englishWhenTheClientPrefersIt() {
        assertEquals(ProblemLanguage.ENGLISH, ProblemLanguage.of("en"));
        assertEquals(ProblemLanguage.ENGLISH, ProblemLanguage.of("en-US,en;q=0.9"));
        assertEquals(ProblemLanguage.ENGLISH, ProblemLanguage.of("fr, en-GB;q=0.8, vi;q=0.2"));
    }

    @Test
    void qValuesDecideBetweenTheTwo() {
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of("en;q=0.3, vi-VN;q=0.9"));
        assertEquals(ProblemLanguage.ENGLISH, ProblemLanguage.of("vi;q=0.1, en;q=0.9"));
        assertEquals(ProblemLanguage.VIETNAMESE, ProblemLanguage.of("en;q=0, vi;q=0.1"));
    }
}
