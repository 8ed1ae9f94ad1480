package vn.commops.indicator.rollup;

/** LIKE patterns for path prefixes: unit codes may hold '_', which LIKE would read as a wildcard. */
public final class Like {

    private Like() {
    }

    /** The pattern matching every text that starts with {@code prefix}; use with {@code escape '\'}. */
    public static String prefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
