package vn.commops.crisis.orgunit;

/** LIKE patterns over org-unit paths ({@code /VN/LC/LC-HOPHAI/}), with the caller's text taken literally. */
public final class Subtree {

    private Subtree() {
    }

    /** Matches the path of the unit with this code and of every unit below it. */
    public static String containing(String unitCode) {
        return "%/" + literal(unitCode) + "/%";
    }

    /** Matches this path and every path below it. */
    public static String startingWith(String path) {
        return literal(path) + "%";
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
