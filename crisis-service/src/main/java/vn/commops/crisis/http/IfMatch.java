package vn.commops.crisis.http;

import java.util.List;
import vn.commops.common.problem.ProblemException;

/** Optimistic concurrency over HTTP: the version a client read (ETag) and sends back in If-Match. */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version in the header ({@code "3"}, {@code W/"3"} or {@code 3}); null when the header is absent. */
    public static Integer version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String bare = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(bare);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-if-match", "If-Match", "must be a version read as ETag");
        }
    }

    /** Refuses with 412 when the client read another version than the current one. */
    public static void require(Integer expected, int current, String what) {
        if (expected != null && expected != current) {
            throw new ProblemException(412, "version-mismatch", "Changed since it was read",
                    what + " is at version " + current + ", not " + expected + "; read it again", List.of());
        }
    }
}
