package vn.commops.indicator.dataelement;

import java.util.Arrays;
import java.util.Optional;

/**
 * The data elements every activity event carries, and the fact-table column each one is summed in.
 * The columns are named alike in {@code activity_state} and {@code unit_day_total}.
 */
public enum ActivityElement {
    ACTIVITY_COUNT("activities"),
    QUANTITY("quantity"),
    ATTENDANCE("attendance"),
    REACH("reach"),
    PLAYS("plays"),
    INTERACTIONS("interactions"),
    NEW_SOCIAL_INSURANCE("new_social_insurance"),
    NEW_HEALTH_INSURANCE("new_health_insurance"),
    APP_INSTALLS("app_installs"),
    NON_CASH_CONVERSIONS("non_cash_conversions"),
    BOOKS_AND_CARDS_DONATED("books_and_cards_donated"),
    COST_VND("cost_vnd");

    private final String column;

    ActivityElement(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static Optional<ActivityElement> byCode(String code) {
        return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst();
    }

    /** {@code activities, quantity, …}: the element columns in declaration order, for SQL. */
    public static String columns() {
        return String.join(", ", Arrays.stream(values()).map(ActivityElement::column).toList());
    }
}
