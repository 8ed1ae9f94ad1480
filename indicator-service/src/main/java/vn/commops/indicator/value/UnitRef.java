package vn.commops.indicator.value;

/** A unit as values are reported for it. */
public record UnitRef(String code, String name, String levelCode, String path) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
