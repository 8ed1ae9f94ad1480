package vn.commops.indicator.dataelement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The splits activity events carry (see activity-service's breakdowns): which elements may be split, by what,
 * and into which categories. Sex and age bands are fixed; target groups are plan-service's vocabulary.
 */
public final class Breakdowns {

    public static final String SEX = "sex";
    public static final String AGE = "age";
    public static final String GROUP = "group";

    /** The elements events split. */
    public static final Set<String> ELEMENTS = Set.of(ActivityElement.ATTENDANCE.name(),
            ActivityElement.NEW_SOCIAL_INSURANCE.name(), ActivityElement.NEW_HEALTH_INSURANCE.name());

    private static final Map<String, List<String>> FIXED = Map.of(
            SEX, List.of("FEMALE", "MALE", "UNKNOWN"),
            AGE, List.of("UNDER_15", "15_24", "25_34", "35_44", "45_59", "60_PLUS"));

    private Breakdowns() {
    }

    public static boolean isDimension(String dimension) {
        return SEX.equals(dimension) || AGE.equals(dimension) || GROUP.equals(dimension);
    }

    /** The fixed categories of sex or age; null for target groups, whose codes are data. */
    public static List<String> fixedCategories(String dimension) {
        return FIXED.get(dimension);
    }
}
