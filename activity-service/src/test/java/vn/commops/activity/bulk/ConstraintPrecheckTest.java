package vn.commops.activity.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.Evidence;
import vn.commops.activity.breakdown.Breakdown;
import vn.commops.activity.breakdown.Breakdowns;

/** The precheck may only ever say "valid" when Bean Validation finds nothing. */
class ConstraintPrecheckTest {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .buildValidatorFactory().getValidator();
    private static final OffsetDateTime START = OffsetDateTime.of(2024, 5, 13, 8, 0, 0, 0, ZoneOffset.ofHours(7));
    private static final Evidence PHOTO = new Evidence("https://bhxh.laocai.gov.vn/anh/BY1-5.jpg",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", START, 22.2385, 104.1421);

    private final ConstraintPrecheck<ActivityRequest> precheck = ConstraintPrecheck.of(VALIDATOR, ActivityRequest.class);

    @Test
    void understandsEveryConstraintOfAnActivityRequest() {
        assertTrue(precheck.complete());
    }

    @Test
    void neverCallsValidWhatTheValidatorFaults() throws Exception {
        List<ActivityRequest> variants = variants(base());
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 300; i++) {
            ActivityRequest mixed = base();
            for (int change = 0; change < 3; change++) {
                List<ActivityRequest> one = variants(mixed);
                mixed = one.get(random.nextInt(one.size()));
            }
            variants.add(mixed);
        }
        int valid = 0;
        int prechecked = 0;
        for (ActivityRequest request : variants) {
            boolean faultless = VALIDATOR.validate(request).isEmpty();
            boolean surely = precheck.surelyValid(request);
            assertTrue(faultless || !surely, () -> "prechecked as valid: " + request + " " + VALIDATOR.validate(request));
            valid += faultless ? 1 : 0;
            prechecked += surely ? 1 : 0;
        }
        // Only floating-point zeros, NaN and infinities are left to the validator when valid.
        assertTrue(prechecked >= valid * 0.9, prechecked + " of " + valid + " valid requests prechecked");
        assertTrue(precheck.surelyValid(base()));
    }

    public record Dated(@NotNull @Past OffsetDateTime at) {
    }

    @Test
    void aTypeWithAConstraintItDoesNotKnowIsAlwaysValidatedInFull() {
        ConstraintPrecheck<Dated> unknown = ConstraintPrecheck.of(VALIDATOR, Dated.class);
        assertFalse(unknown.complete());
        assertFalse(unknown.surelyValid(new Dated(START)));
    }

    private static ActivityRequest base() {
        return new ActivityRequest("LC-HOPHAI", "SMALL_GROUP", "Tuyên truyền nhóm nhỏ", "Nhà văn hoá thôn",
                22.2385, 104.1421, START, START.plusHours(2), UUID.randomUUID(), null, 35, 0L, null, 12L, 3, "buổi", 90,
                "https://baolaocai.vn/bhxh", 4, 11, null, 9, 2, 1, 1_500_000L, List.of(UUID.randomUUID()), List.of(PHOTO),
                "VNPOST-LC-2024-000187", UUID.randomUUID(), false, null);
    }

    /** The request with each component in turn replaced by every value of interest of its type. */
    private static List<ActivityRequest> variants(ActivityRequest request) throws Exception {
        RecordComponent[] components = ActivityRequest.class.getRecordComponents();
        Constructor<ActivityRequest> constructor = ActivityRequest.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
        List<ActivityRequest> variants = new ArrayList<>();
        for (int c = 0; c < components.length; c++) {
            for (Object value : valuesFor(components[c])) {
                Object[] arguments = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    arguments[i] = components[i].getAccessor().invoke(request);
                }
                arguments[c] = value;
                variants.add(constructor.newInstance(arguments));
            }
        }
        return variants;
    }

    private static List<Object> valuesFor(RecordComponent component) {
        Class<?> type = component.getType();
        List<Object> values = new ArrayList<>();
        values.add(null);
        if (type == String.class) {
            values.addAll(List.of("", "   ", "\u0001\t", "a", "Hội nghị", "x".repeat(60), "x".repeat(61), "x".repeat(64),
                    "x".repeat(65), "x".repeat(200), "x".repeat(201), "x".repeat(300), "x".repeat(301),
                    "x".repeat(2000), "x".repeat(2001), " \u2003 "));
        } else if (type == Integer.class) {
            values.addAll(List.of(-1, 0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE));
        } else if (type == Long.class) {
            values.addAll(List.of(-1L, 0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE));
        } else if (type == Double.class) {
            values.addAll(List.of(-180.0001, -180.0, -90.0001, -90.0, -0.0, 0.0, 45.5, 90.0, 90.0001, 180.0, 180.0001,
                    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE));
        } else if (type == OffsetDateTime.class) {
            values.addAll(List.of(START, START.minusHours(3), START.plusHours(3)));
        } else if (type == UUID.class) {
            values.add(UUID.randomUUID());
        } else if (type == Boolean.class) {
            values.addAll(List.of(true, false));
        } else if (type.isEnum()) {
            values.addAll(List.of(type.getEnumConstants()));
        } else if (type == List.class && component.getName().equals("communicatorIds")) {
            values.addAll(List.of(List.of(), List.of(UUID.randomUUID()), Collections.singletonList(null),
                    Collections.nCopies(200, UUID.randomUUID()), Collections.nCopies(201, UUID.randomUUID())));
        } else if (type == List.class) {
            values.addAll(List.of(List.of(), List.of(PHOTO), Collections.singletonList(null), Collections.nCopies(50, PHOTO),
                    Collections.nCopies(51, PHOTO)));
            for (Evidence evidence : evidenceVariants()) {
                values.add(List.of(PHOTO, evidence));
            }
        } else if (type == Breakdowns.class) {
            // Not a Bean Validation matter (BreakdownRules checks them), so any value leaves the verdict alone.
            values.add(new Breakdowns(new Breakdown(Map.of("FEMALE", -1), null, null), null, null));
        } else {
            throw new IllegalStateException("no values for " + component);
        }
        return values;
    }

    private static List<Evidence> evidenceVariants() {
        List<Evidence> variants = new ArrayList<>();
        for (String url : List.of("", " ", "ftp://x", "https://a b", "http://x", "https://" + "x".repeat(1993),
                "https://" + "x".repeat(1992))) {
            variants.add(new Evidence(url, PHOTO.sha256(), PHOTO.capturedAt(), PHOTO.latitude(), PHOTO.longitude()));
        }
        variants.add(new Evidence(null, PHOTO.sha256(), null, null, null));
        for (String sha : List.of("ABC", PHOTO.sha256().toUpperCase(), PHOTO.sha256() + "0")) {
            variants.add(new Evidence(PHOTO.url(), sha, null, null, null));
        }
        variants.add(new Evidence(PHOTO.url(), null, null, -90.5, 190.0));
        variants.add(new Evidence(PHOTO.url(), null, null, 0.0, -0.0));
        variants.add(new Evidence(PHOTO.url(), null, null, 90.0, 180.0));
        assertEquals(14, variants.size());
        return variants;
    }
}
