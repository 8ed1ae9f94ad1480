package vn.commops.common.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a database error says to the client that caused it. Validation refuses bad input before SQL;
 * this is the net behind it: a value the database refuses is the request's fault (4xx, naming the
 * column's field where PostgreSQL tells it), and a database that cannot be reached or is busy is a
 * passing outage the client may retry (503), never an unexplained 500.
 */
public final class DatabaseFailures {

    /** What a failure became: a problem to send, and whether the client should retry later. */
    record Answer(ProblemException problem, boolean retryLater) {
    }

    private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\(([a-z0-9_, ]+)\\)");
    private static final String CHECK = "_check";

    private DatabaseFailures() {
    }

    /** A database that cannot be reached or is busy: the same work may succeed when tried again. */
    public static boolean isPassingOutage(Throwable failure) {
        return answerFor(failure).map(Answer::retryLater).orElse(false);
    }

    /**
     * The work was done but the commit failed, and nothing in the failure says why: seen when PostgreSQL
     * restarted under a commit (Narayana's "ARJUNA016053: Could not commit transaction" with no SQL cause).
     * Nothing was stored, so the same work may be tried again.
     */
    public static boolean failedAtCommit(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RollbackException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as a log line names it. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static Optional<Answer> answerFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(new Answer(ProblemException.conflict("concurrent-update",
                        "The record was changed by another request at the same time; read it again and retry"), false));
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException) {
                return Optional.of(unavailable());
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<Answer> answer = answerFor(sql);
                if (answer.isPresent()) {
                    return answer;
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                // Agroal's pool: "Sorry, acquisition timeout!" when every connection is busy, "Acquisition
                // timeout while waiting for new connection" when the server does not answer
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    private static Optional<Answer> answerFor(SQLException e) {
        String state = e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("57014")) {
            return Optional.of(unavailable());
        }
        return switch (state) {
            case "23505" -> Optional.of(new Answer(ProblemException.conflict("duplicate",
                    "A record with the same identity was written concurrently; read it and retry if needed"), false));
            case "23502" -> refused(400, "missing-value", fieldOf(server), "must not be null");
            case "23503" -> refused(422, "unknown-reference", fieldOf(server), "refers to a record that does not exist");
            case "23514", "23P01" -> refused(422, "constraint-violated", fieldOf(server),
                    "is not consistent with the record's other values");
            case "22001" -> refused(400, "too-long", fieldOf(server), "is longer than the field allows");
            case "22003" -> refused(400, "out-of-range", fieldOf(server), "is out of the field's range");
            case "22021", "22P05" -> refused(400, "invalid-characters", fieldOf(server),
                    "holds characters that cannot be stored");
            case "22007", "22008" -> refused(400, "invalid-date-time", fieldOf(server), "is not a valid date or time");
            case "2201W", "2201X" -> refused(400, "invalid-paging", "page", "is beyond what can be listed");
            default -> state.startsWith("22") ? refused(400, "invalid-value", fieldOf(server), "cannot be stored")
                    : Optional.empty();
        };
    }

    private static Optional<Answer> refused(int status, String slug, String field, String message) {
        String title = status == 400 ? "Request is not valid" : "Request cannot be processed";
        return Optional.of(new Answer(ProblemException.fieldAtFault(status, slug, title, field, message), false));
    }

    static Answer unavailable() {
        return new Answer(new ProblemException(503, "unavailable", "Service temporarily unavailable",
                "The service's database is unavailable or busy; retry after the delay in Retry-After", List.of()), true);
    }

    /** The request field behind a column, as far as PostgreSQL names it; {@code body} when it does not. */
    static String fieldOf(ServerErrorMessage server) {
        if (server == null) {
            return "body";
        }
        String column = server.getColumn();
        if (column == null && server.getDetail() != null) {
            Matcher key = KEY_COLUMNS.matcher(server.getDetail());
            column = key.find() ? key.group(1).split(",\\s*")[0] : null;
        }
        if (column == null) {
            column = checkedColumn(server.getTable(), server.getConstraint());
        }
        return column == null ? "body" : camelCase(column);
    }

    /** PostgreSQL names a one-column check {@code <table>_<column>_check}; one over the row is {@code <table>_check}. */
    private static String checkedColumn(String table, String constraint) {
        if (table == null || constraint == null || !constraint.startsWith(table + "_") || !constraint.endsWith(CHECK)
                || constraint.length() <= table.length() + CHECK.length()) {
            return null;
        }
        String column = constraint.substring(table.length() + 1, constraint.length() - CHECK.length());
        return column.isEmpty() ? null : column;
    }

    static String camelCase(String column) {
        StringBuilder field = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
