package vn.commops.indicator.expression;

/**
 * A data element as an expression names it: {@code ATTENDANCE}, or restricted to one form of
 * activity, {@code ACTIVITY_COUNT[CONFERENCE]}.
 *
 * @param code     the data element's code
 * @param form     the activity form it is restricted to, or null for every form
 * @param position 1-based position of the reference in the expression text, for error messages
 */
public record ElementRef(String code, String form, int position) {

    /** The same reference wherever it appears: positions do not make two references different. */
    public ElementRef withoutPosition() {
        return new ElementRef(code, form, 0);
    }

    @Override
    public String toString() {
        return form == null ? code : code + "[" + form + "]";
    }
}
