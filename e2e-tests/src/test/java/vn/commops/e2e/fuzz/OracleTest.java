package vn.commops.e2e.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.e2e.fuzz.FuzzCase.Expect;
import vn.commops.e2e.fuzz.Oracle.Verdict;

/** The fuzzer's oracle can fail: each kind of wrong answer is caught, and the right answers pass. */
class OracleTest {

    private static final String PROBLEM = "application/problem+json";
    private final Oracle oracle = new Oracle(null, Duration.ofSeconds(2));

    private static FuzzCase fuzzCase(Expect expect, boolean batchItem, String pair) {
        return new FuzzCase("POST /api/v1/plans", "float-for-integer", "body", "quantity=1.5", expect,
                new RawHttp.Request("POST", "/api/v1/plans", List.of(), new byte[0]), batchItem, pair);
    }

    private static RawHttp.Answer answer(int status, String contentType, String body) {
        return new RawHttp.Answer(status, contentType == null ? Map.of() : Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8), 12, null);
    }

    @Test
    void aServerErrorFailsEvenAsProblemJson() {
        assertEquals(Oracle.SERVER_ERROR, oracle.judge(fuzzCase(Expect.ANSWER, false, null),
                answer(500, PROBLEM, "{}")).failure());
        assertEquals(Oracle.SERVER_ERROR, oracle.judge(fuzzCase(Expect.REFUSE, false, null),
                answer(503, PROBLEM, "{}")).failure());
    }

    @Test
    void anErrorWithoutProblemJsonFails() {
        assertEquals(Oracle.BARE_ERROR, oracle.judge(fuzzCase(Expect.REFUSE, false, null),
                answer(400, null, "")).failure());
        assertEquals(Oracle.BARE_ERROR, oracle.judge(fuzzCase(Expect.ANSWER, false, null),
                answer(414, "text/html; charset=utf-8", "<html>")).failure());
        assertNull(oracle.judge(fuzzCase(Expect.REFUSE, false, null),
                answer(400, "application/problem+json; charset=UTF-8", "{}")).failure());
    }

    @Test
    void anInvalidRequestAcceptedFailsAndAValidOneAcceptedPasses() {
        assertEquals(Oracle.INVALID_ACCEPTED, oracle.judge(fuzzCase(Expect.REFUSE, false, null),
                answer(201, "application/json", "{}")).failure());
        assertNull(oracle.judge(fuzzCase(Expect.ANSWER, false, null), answer(201, "application/json", "{}")).failure());
        assertNull(oracle.judge(fuzzCase(Expect.REFUSE, false, null), answer(404, PROBLEM, "{}")).failure());
    }

    @Test
    void aBatchMayAnswer200WhenItsReportRejectsTheRecord() {
        assertNull(oracle.judge(fuzzCase(Expect.REFUSE, true, null),
                answer(200, "application/json", "{\"total\":1,\"rejected\":1,\"results\":[]}")).failure());
        assertNull(oracle.judge(fuzzCase(Expect.REFUSE, true, null),
                answer(200, "application/json", "{\"items\":[{\"outcome\":\"REJECTED\"}]}")).failure());
        assertEquals(Oracle.INVALID_ACCEPTED, oracle.judge(fuzzCase(Expect.REFUSE, true, null),
                answer(200, "application/json", "{\"total\":1,\"created\":1,\"rejected\":0}")).failure());
    }

    @Test
    void decomposedTextRefusedWhenItsPrecomposedTwinIsAcceptedFails() {
        Verdict precomposed = oracle.judge(fuzzCase(Expect.ANSWER, false, "pair"), answer(201, "application/json", ""));
        Verdict decomposed = oracle.judge(fuzzCase(Expect.ANSWER, false, "pair"), answer(400, PROBLEM, ""));
        List<Verdict> judged = oracle.judgePairs(List.of(precomposed, decomposed));
        assertNull(judged.get(0).failure());
        assertEquals(Oracle.VALID_REFUSED, judged.get(1).failure());
        Verdict conflict = oracle.judge(fuzzCase(Expect.ANSWER, false, "other"), answer(409, PROBLEM, ""));
        Verdict created = oracle.judge(fuzzCase(Expect.ANSWER, false, "other"), answer(201, "application/json", ""));
        assertNull(oracle.judgePairs(List.of(created, conflict)).get(1).failure());
    }

    @Test
    void aTwinRefusedOverAnotherFieldAnswersTheStateNotTheSpelling() {
        Verdict first = oracle.judge(fuzzCase(Expect.ANSWER, false, "split"), answer(201, "application/json", ""));
        Verdict second = oracle.judge(fuzzCase(Expect.ANSWER, false, "split"), answer(400, PROBLEM,
                "{\"status\":400,\"errors\":[{\"field\":\"children\",\"message\":\"exceed the parent's quantity\"}]}"));
        assertNull(oracle.judgePairs(List.of(first, second)).get(1).failure());
        Verdict spelling = oracle.judge(fuzzCase(Expect.ANSWER, false, "split"), answer(400, PROBLEM,
                "{\"status\":400,\"errors\":[{\"field\":\"quantity\",\"message\":\"invalid characters\"}]}"));
        assertEquals(Oracle.VALID_REFUSED, oracle.judgePairs(List.of(first, spelling)).get(1).failure());
    }

    @Test
    void aServerThatNeverAnswersIsAHangAndOneThatHangsUpIsNoAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread holder = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    Thread.sleep(5000);
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            holder.start();
            RawHttp.Answer answer = new RawHttp(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofSeconds(1)).send(new RawHttp.Request("GET", "/", List.of(), null));
            assertEquals(Oracle.HANG, oracle.judge(fuzzCase(Expect.ANSWER, false, null), answer).failure());
            holder.interrupt();
        }
        try (ServerSocket rude = new ServerSocket(0)) {
            Thread closer = new Thread(() -> {
                try (Socket accepted = rude.accept()) {
                    accepted.getInputStream().read();
                } catch (IOException ignored) {
                    // closed at once
                }
            });
            closer.start();
            RawHttp.Answer answer = new RawHttp(URI.create("http://127.0.0.1:" + rude.getLocalPort()),
                    Duration.ofSeconds(2)).send(new RawHttp.Request("GET", "/", List.of(), null));
            assertEquals(Oracle.NO_ANSWER, oracle.judge(fuzzCase(Expect.ANSWER, false, null), answer).failure());
        }
    }

    @Test
    void aChunkedAnswerIsReadWhole() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread answering = new Thread(() -> {
                try (Socket accepted = server.accept()) {
                    accepted.getInputStream().read(new byte[4096]);
                    accepted.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Type: " + PROBLEM
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test fails on the answer
                }
            });
            answering.start();
            RawHttp.Answer answer = new RawHttp(URI.create("http://127.0.0.1:" + server.getLocalPort()),
                    Duration.ofSeconds(2)).send(new RawHttp.Request("GET", "/%zz", List.of(), null));
            assertEquals(400, answer.status());
            assertEquals("{\"a\": 1}", answer.bodyText());
            assertNull(oracle.judge(fuzzCase(Expect.REFUSE, false, null), answer).failure());
        }
    }
}
