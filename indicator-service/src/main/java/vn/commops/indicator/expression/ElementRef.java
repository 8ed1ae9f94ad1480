package vn.commops.indicator.expression;

/**
 * A data element as an expression names it: {@code ATTENDANCE}; restricted to one form of activity,
 * {@code ACTIVITY_COUNT[CONFERENCE]}; or to one category of a breakdown, {@code ATTENDANCE{group:STUDENTS}},
 * {@code NEW_SOCIAL_INSURANCE[SMALL_GROUP]{sex:FEMALE}}.
 *
 * @param code      the data element's code
 * @param form      the activity form it is restricted to, or null for every form
 * @param dimension the breakdown dimension (sex, age, group), or null for the whole element
 * @param category  the category of that dimension (FEMALE, 15_24, STUDENTS), or null
 * @param position  1-based position of the reference in the expression text, for error messages
 */
public record ElementRef(String code, String form, String dimension, String category, int position) {

    public ElementRef(String code, String form, int position) {
        this(code, form, null, null, position);
    }

    /** The same reference wherever it appears: positions do not make two references different. */
    public ElementRef withoutPosition() {
        return new ElementRef(code, form, dimension, category, 0);
    }

    /** Whether it reads one category of a breakdown. */
    public boolean isBreakdown() {
        return dimension != null;
    }

    @Override
    public String toString() {
        return code + (form == null ? "" : "[" + form + "]") + (dimension == null ? "" : "{" + dimension + ":" + category + "}");
    }
}
