package vn.commops.activity.breakdown;

import java.util.List;

/** What a measure is split by. The sex and age categories are fixed; target groups are plan-service's vocabulary. */
public enum Dimension {
    SEX("sex", List.of("FEMALE", "MALE", "UNKNOWN")),
    AGE("age", List.of("UNDER_15", "15_24", "25_34", "35_44", "45_59", "60_PLUS")),
    GROUP("group", List.of());

    private final String field;
    private final List<String> categories;

    Dimension(String field, List<String> categories) {
        this.field = field;
        this.categories = categories;
    }

    /** Its name in requests, events and CSV columns. */
    public String field() {
        return field;
    }

    /** The fixed categories; empty for target groups, whose codes are data. */
    public List<String> categories() {
        return categories;
    }

    /** Sex and age account for everyone counted; target groups for some of them. */
    public boolean mustEqualTotal() {
        return this != GROUP;
    }
}
