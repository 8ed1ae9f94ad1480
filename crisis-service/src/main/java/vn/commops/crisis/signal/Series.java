package vn.commops.crisis.signal;

/** One early-warning series: a topic in a unit's subtree, the unit named by its path ({@code /VN/LC/}). */
record Series(String topicCode, String unitPath) {

    String unitCode() {
        String trimmed = unitPath.substring(0, unitPath.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    int depth() {
        return (int) unitPath.chars().filter(c -> c == '/').count() - 1;
    }

    boolean isBelow(Series other) {
        return topicCode.equals(other.topicCode) && unitPath.startsWith(other.unitPath) && !unitPath.equals(other.unitPath);
    }
}
