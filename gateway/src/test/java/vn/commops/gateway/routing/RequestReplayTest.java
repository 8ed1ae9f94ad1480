package vn.commops.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.downstream.Outcome;

class RequestReplayTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void idempotentMethodsAndKeyedRequestsAreSafeToRepeat() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT,
                HttpMethod.DELETE}) {
            assertTrue(RequestReplay.isSafeToRepeat(method, headers()), method.name());
        }
        assertFalse(RequestReplay.isSafeToRepeat(HttpMethod.POST, headers()));
        assertFalse(RequestReplay.isSafeToRepeat(HttpMethod.PATCH, headers()));
        assertFalse(RequestReplay.isSafeToRepeat(HttpMethod.POST, headers("Idempotency-Key", " ")));
        assertTrue(RequestReplay.isSafeToRepeat(HttpMethod.POST, headers("idempotency-key", "campaign-2041")));
    }

    @Test
    void onlyABodyOfKnownSmallSizeIsKept() {
        assertTrue(RequestReplay.bodyFitsInMemory(headers()), "no body");
        assertTrue(RequestReplay.bodyFitsInMemory(headers("Content-Length", "262144")));
        assertFalse(RequestReplay.bodyFitsInMemory(headers("Content-Length", "262145")));
        assertFalse(RequestReplay.bodyFitsInMemory(headers("Transfer-Encoding", "chunked")),
                "a chunked body's size is known only at its end");
    }

    @Test
    void aKeptBodyCanBeSentAgainWhole() {
        Buffer upload = Buffer.buffer("{\"title\":\"Leaflets\"}");
        Body kept = RequestReplay.keep(Body.body(upload)).result();

        for (int attempt = 0; attempt < 2; attempt++) {
            Buffer sent = Buffer.buffer();
            ReadStream<Buffer> stream = kept.stream();
            stream.handler(sent::appendBuffer);
            stream.resume();
            assertEquals(upload, sent, "attempt " + attempt);
            assertEquals(upload.length(), kept.length());
        }
    }

    @Test
    void onlyARequestThatCannotHaveBeenDeliveredOrIsRepeatableIsTriedAgain() {
        Body kept = Body.body(Buffer.buffer("{}"));
        assertTrue(DownstreamExchange.mayRetry(Outcome.UNREACHABLE, null), "nothing was sent");
        assertTrue(DownstreamExchange.mayRetry(Outcome.DROPPED, kept));
        assertFalse(DownstreamExchange.mayRetry(Outcome.DROPPED, null), "not repeatable, or too large to keep");
        assertFalse(DownstreamExchange.mayRetry(Outcome.TIMED_OUT, kept), "the instance may still be working on it");
        assertFalse(DownstreamExchange.mayRetry(Outcome.SERVER_ERROR, kept));
        assertFalse(DownstreamExchange.mayRetry(Outcome.CLIENT_GONE, kept));
    }
}
