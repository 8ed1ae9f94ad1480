package vn.commops.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.commops.common.problem.ProblemException;

/** A request names its subject one way, and names it right, before anything is erased or recorded. */
class ContactEraserTest {

    static final class Erasure extends ErasureRecord {
    }

    /** Fails the test on any use: the requests below must be refused before the store is reached. */
    static final class UntouchedStore implements ContactStore<Object> {
        public String noun() {
            return "contact";
        }

        public String idField() {
            return "itemId";
        }

        public Period retention() {
            throw new AssertionError("store used");
        }

        public UUID idOf(Object contact) {
            throw new AssertionError("store used");
        }

        public List<Object> heldFor(String identifier) {
            throw new AssertionError("store used");
        }

        public List<Object> heldBy(UUID id) {
            throw new AssertionError("store used");
        }

        public void erase(Object contact, ErasureRecord erasure) {
            throw new AssertionError("store used");
        }

        public void exported(Object contact, String by, OffsetDateTime at) {
            throw new AssertionError("store used");
        }

        public int anonymiseExpired(OffsetDateTime cutoff, int batch, ErasureRecord pass) {
            throw new AssertionError("store used");
        }
    }

    static final PrivacySettings SETTINGS = new PrivacySettings() {
        public Duration retentionCheckInterval() {
            return Duration.ofHours(1);
        }

        public int retentionBatchSize() {
            return 5000;
        }

        public Optional<String> subjectKey() {
            return Optional.of("test-key");
        }
    };

    private final ContactEraser<Object, Erasure> eraser = new ContactEraser<>(new UntouchedStore(), Erasure.class,
            Erasure::new, SETTINGS);

    @Test
    void neitherOrBothSubjectsAreABadRequestNamingTheServicesField() {
        for (ProblemException refused : List.of(
                assertThrows(ProblemException.class, () -> eraser.erase(null, null, "why", "dpo")),
                assertThrows(ProblemException.class, () -> eraser.erase(" ", null, "why", "dpo")),
                assertThrows(ProblemException.class, () -> eraser.erase("0912345678", UUID.randomUUID(), "why",
                        "dpo")))) {
            assertEquals(400, refused.status());
            assertEquals("erasure-subject", refused.slug());
            assertEquals("name either an identifier or a itemId, not both or neither",
                    refused.errors().get(0).message());
        }
    }

    @Test
    void anIdentifierThatIsNoPhoneNorAddressIsUnprocessable() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> eraser.erase("Nguyễn Văn A", null, "why", "dpo"));
        assertEquals(422, refused.status());
        assertEquals("not-an-identifier", refused.slug());
        assertEquals("identifier", refused.errors().get(0).field());
    }
}
