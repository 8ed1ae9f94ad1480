package vn.commops.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class DatabaseFailuresTest {

    private static PSQLException server(String state, String fields) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0Mrefused\0" + fields));
    }

    @Test
    void namesTheFieldBehindTheColumn() {
        DatabaseFailures.Answer missing = DatabaseFailures.answerFor(
                new RuntimeException(server("23502", "tplan\0cstart_date\0"))).orElseThrow();
        assertEquals(400, missing.problem().status());
        assertEquals("startDate", missing.problem().errors().get(0).field());
        DatabaseFailures.Answer unknown = DatabaseFailures.answerFor(
                server("23503", "tassignment\0DKey (campaign_id)=(x) is not present in table \"campaign\".\0")).orElseThrow();
        assertEquals(422, unknown.problem().status());
        assertEquals("campaignId", unknown.problem().errors().get(0).field());
        assertEquals("amountVnd", DatabaseFailures.answerFor(server("23514", "tbudget_line\0nbudget_line_amount_vnd_check\0"))
                .orElseThrow().problem().errors().get(0).field());
        assertEquals("body", DatabaseFailures.answerFor(server("23514", "tplan\0nplan_check\0"))
                .orElseThrow().problem().errors().get(0).field());
    }

    @Test
    void badValuesAreTheRequestsFault() {
        for (String state : new String[] {"22001", "22003", "22021", "22P05", "22007", "22P02"}) {
            DatabaseFailures.Answer answer = DatabaseFailures.answerFor(server(state, "")).orElseThrow();
            assertEquals(400, answer.problem().status(), state);
            assertFalse(answer.retryLater(), state);
        }
        assertEquals(409, DatabaseFailures.answerFor(server("23505", "")).orElseThrow().problem().status());
        assertEquals(409, DatabaseFailures.answerFor(new RuntimeException(new OptimisticLockException()))
                .orElseThrow().problem().status());
    }

    @Test
    void anUnreachableOrBusyDatabaseIsRetriedLater() {
        for (String state : new String[] {"08001", "08006", "57P01", "53300", "40001", "40P01", "55P03"}) {
            DatabaseFailures.Answer answer = DatabaseFailures.answerFor(server(state, "")).orElseThrow();
            assertEquals(503, answer.problem().status(), state);
            assertTrue(answer.retryLater(), state);
        }
        assertTrue(DatabaseFailures.answerFor(new SQLException("Acquisition timeout while waiting for new connection"))
                .orElseThrow().retryLater());
        // every pooled connection busy, as Hibernate wraps it
        DatabaseFailures.Answer exhausted = DatabaseFailures.answerFor(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))).orElseThrow();
        assertEquals(503, exhausted.problem().status());
        assertTrue(exhausted.retryLater());
        assertTrue(DatabaseFailures.answerFor(new IllegalStateException("no database here")).isEmpty());
    }

    @Test
    void aCommitThatFailedWithoutACauseIsRecognisedThroughItsWrappers() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        assertTrue(DatabaseFailures.failedAtCommit(commit));
        assertTrue(DatabaseFailures.failedAtCommit(new RuntimeException("Error invoking subclass method", commit)));
        assertFalse(DatabaseFailures.failedAtCommit(new IllegalStateException("no commit here")));
        assertTrue(DatabaseFailures.answerFor(commit).isEmpty(), "not an outage: a consumer retries it a few times only");
    }
}
