package vn.commops.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What the platform owes every request of the corpus: an answer within the bound, never a 5xx, every error
 * as {@code application/problem+json}, every request that breaks the contract refused, and a valid text
 * written in decomposed Unicode treated as its precomposed twin.
 */
final class Oracle {

    /** A request, its answer, and what is wrong with the answer (null when nothing is). */
    record Verdict(FuzzCase fuzzCase, RawHttp.Answer answer, String failure, String note) {

        boolean failed() {
            return failure != null;
        }
    }

    static final String HANG = "no answer in time (a hang)";
    static final String NO_ANSWER = "connection closed without an answer";
    static final String SERVER_ERROR = "5xx";
    static final String BARE_ERROR = "error that is not application/problem+json";
    static final String INVALID_ACCEPTED = "invalid request accepted (2xx)";
    static final String VALID_REFUSED = "valid text refused when written decomposed (or precomposed)";

    private static final Pattern REJECTED = Pattern.compile(
            "\"rejected\"\\s*:\\s*[1-9]|\"outcome\"\\s*:\\s*\"REJECTED\"", Pattern.CASE_INSENSITIVE);
    /** RFC 9110's token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern UNFINISHED = Pattern.compile("\"status\"\\s*:\\s*\"(QUEUED|RUNNING|PENDING)\"");

    private final FuzzGateway gateway;
    private final Duration bound;
    private final AtomicInteger followUps = new AtomicInteger();

    Oracle(FuzzGateway gateway, Duration bound) {
        this.gateway = gateway;
        this.bound = bound;
    }

    int followUps() {
        return followUps.get();
    }

    Verdict judge(FuzzCase fuzzCase, RawHttp.Answer answer) {
        if (!answer.answered()) {
            return new Verdict(fuzzCase, answer, answer.failure().startsWith("no answer") ? HANG : NO_ANSWER, null);
        }
        if (answer.millis() > bound.toMillis()) {
            return new Verdict(fuzzCase, answer, HANG, answer.millis() + " ms");
        }
        if (answer.status() >= 500) {
            return new Verdict(fuzzCase, answer, SERVER_ERROR, null);
        }
        if (answer.status() >= 400 && !problemJson(answer.contentType())) {
            if (refusedByTheParser(fuzzCase.request(), answer)) {
                return new Verdict(fuzzCase, answer, null, "not HTTP: refused by the parser, before any route");
            }
            return new Verdict(fuzzCase, answer, BARE_ERROR, null);
        }
        if (fuzzCase.expect() == FuzzCase.Expect.REFUSE && answer.status() / 100 == 2) {
            if (fuzzCase.batchItem()) {
                String report = finalReport(answer);
                if (UNFINISHED.matcher(report).find()) {
                    return new Verdict(fuzzCase, answer, HANG, "the job did not finish within " + bound.toSeconds()
                            + " s: " + gist(report));
                }
                if (REJECTED.matcher(report).find()) {
                    return new Verdict(fuzzCase, answer, null, "record rejected in the report");
                }
                return new Verdict(fuzzCase, answer, INVALID_ACCEPTED, "the report rejects no record: " + gist(report));
            }
            return new Verdict(fuzzCase, answer, INVALID_ACCEPTED, null);
        }
        return new Verdict(fuzzCase, answer, null, null);
    }

    /**
     * Decomposed and precomposed Vietnamese are the same text: when one is accepted, the other may not be
     * refused as invalid (a conflict or a missing resource is another matter).
     */
    List<Verdict> judgePairs(List<Verdict> verdicts) {
        Map<String, List<Verdict>> pairs = new HashMap<>();
        for (Verdict verdict : verdicts) {
            if (verdict.fuzzCase().pair() != null && !verdict.failed()) {
                pairs.computeIfAbsent(verdict.fuzzCase().pair(), key -> new ArrayList<>()).add(verdict);
            }
        }
        List<Verdict> judged = new ArrayList<>(verdicts);
        for (int i = 0; i < judged.size(); i++) {
            Verdict verdict = judged.get(i);
            List<Verdict> pair = verdict.failed() ? null : pairs.get(verdict.fuzzCase().pair());
            int status = verdict.answer().status();
            if (pair != null && (status == 400 || status == 422) && refusesTheText(verdict)
                    && pair.stream().anyMatch(v -> v.answer().status() / 100 == 2)) {
                judged.set(i, new Verdict(verdict.fuzzCase(), verdict.answer(), VALID_REFUSED,
                        "its twin was accepted"));
            }
        }
        return judged;
    }

    /**
     * Whether a refusal may be about the text the twins write two ways: it names that field, or no
     * field. One naming only other fields answers the state the first twin left (a split whose shares
     * the first twin already took), not the spelling.
     */
    static boolean refusesTheText(Verdict verdict) {
        String field = verdict.fuzzCase().target().split("=", 2)[0];
        JsonNode errors = FuzzGateway.parse(verdict.answer()).path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return true;
        }
        for (JsonNode error : errors) {
            String named = error.path("field").asText("");
            if (named.isEmpty() || named.equals(field) || field.endsWith("." + named) || named.endsWith(field)) {
                return true;
            }
        }
        return false;
    }

    /** The report a batch answered with, or for an asynchronous one (202 and a Location) the finished job's. */
    private String finalReport(RawHttp.Answer answer) {
        String report = answer.bodyText();
        if (answer.status() != 202 || answer.location() == null) {
            return report;
        }
        URI location = URI.create(answer.location());
        String target = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        long deadline = System.nanoTime() + bound.toNanos();
        while (UNFINISHED.matcher(report).find() && System.nanoTime() < deadline) {
            sleep();
            followUps.incrementAndGet();
            JsonNode job = FuzzGateway.parse(gateway.call("GET", target, null));
            report = job.toString();
        }
        return report;
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A request the HTTP parser itself cannot read (a control character in a header, a header name that is
     * not a token, a length that is not a number) is answered by Netty with an empty 400 and the connection
     * closed; Quarkus offers no hook before it (docs/input-contract.md). Only that answer is let pass.
     */
    static boolean refusedByTheParser(RawHttp.Request request, RawHttp.Answer answer) {
        boolean emptyRefusal = answer.status() == 400 && answer.bodyText().isEmpty();
        return emptyRefusal && request.headers().stream().anyMatch(header -> !HEADER_NAME.matcher(header[0]).matches()
                || header[1].chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)
                || header[0].equalsIgnoreCase("Content-Length") && !header[1].matches("\\d+"));
    }

    static boolean problemJson(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/problem+json");
    }

    static String gist(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
