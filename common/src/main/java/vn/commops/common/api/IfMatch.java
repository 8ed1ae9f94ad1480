package vn.commops.common.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version, and a write names the version it
 * was based on in If-Match. A stale one is refused (412) so no one overwrites a change they never saw.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version an update was based on; an update without If-Match is refused (428). */
    public static Integer required(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "Send the ETag you read in If-Match, so a concurrent change is not overwritten",
                    List.of(new Problem.FieldError("If-Match", "is required")));
        }
        return optional(header);
    }

    /** The version named in If-Match; null when absent or '*'. */
    public static Integer optional(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("malformed-if-match", "If-Match", "'" + header + "' is not an ETag we issued");
        }
    }

    /** Refuses (412) when the client based its write on another version than the current one. */
    public static void check(Integer expected, int current, String what) {
        if (expected != null && expected != current) {
            throw ProblemException.withArgs(412, "precondition-failed", "Stale version",
                    what + " changed since you read it (your ETag \"" + expected + "\", now \"" + current
                            + "\"); read it again and reapply your change",
                    List.of(new Problem.FieldError("If-Match", "stale version")), what, String.valueOf(expected),
                    String.valueOf(current));
        }
    }
}
