package vn.commops.e2e.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.commops.e2e.Platform;
import vn.commops.e2e.fuzz.ApiDocument.Operation;
import vn.commops.e2e.fuzz.Oracle.Verdict;

/**
 * Hostile input, generated from the merged OpenAPI document: every documented operation gets a corpus of
 * malformed requests (wrong JSON types, broken constraints, broken documents, control characters, broken
 * percent-escapes, bytes that are not UTF-8, oversized headers and URLs…) sent through the gateway as the
 * national admin. None may get a 5xx, hang, get an error that is not problem+json, or, when it breaks the
 * declared contract, be accepted. An endpoint joins the corpus by being documented; a constraint by being
 * declared in its schema. What the platform may accept it sends only on data of its own ({@link OwnData}),
 * so the other end-to-end tests sharing the platform never see it.
 *
 * <p>Against a platform already running ({@code deploy/local/start.sh}), without starting one:
 * <pre>
 * ./mvnw -o -q -pl e2e-tests verify -Dit.test=HostileInputIT -Dcommops.fuzz.gateway=http://127.0.0.1:8080
 * </pre>
 * Other settings: {@code -Dcommops.fuzz.seed=N} (default 19; the run prints its seed), {@code
 * -Dcommops.fuzz.operations=REGEX} and {@code -Dcommops.fuzz.mutations=REGEX} to send only part of the
 * corpus (matched against {@code "POST /api/v1/plans"} and {@code "control-char in body"}), {@code
 * -Dcommops.fuzz.concurrency=N} (default 3). Each failing request is written to {@code
 * target/hostile-input/NNNN.http}, to be replayed byte for byte.
 */
class HostileInputIT {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Path OUTPUT = Path.of("target", "hostile-input");

    @Test
    void noMalformedRequestGetsA5xxAHangABareErrorOrAnAcceptance() throws Exception {
        long seed = Long.getLong("commops.fuzz.seed", 19L);
        String given = System.getProperty("commops.fuzz.gateway", "");
        URI gatewayUrl = URI.create(given.isBlank() ? Platform.shared().gatewayUrl() : given);
        Pattern operations = Pattern.compile(System.getProperty("commops.fuzz.operations", ".*"));
        Pattern mutations = Pattern.compile(System.getProperty("commops.fuzz.mutations", ".*"));
        int concurrency = Integer.getInteger("commops.fuzz.concurrency", 3);

        FuzzGateway gateway = new FuzzGateway(gatewayUrl, BOUND);
        ApiDocument document = new ApiDocument(FuzzGateway.parse(gateway.call("GET", "/openapi", null)));
        List<Operation> documented = document.operations().stream()
                .filter(o -> !o.path().startsWith("/openapi") && !o.path().startsWith("/q/"))
                .filter(o -> operations.matcher(o.id()).find()).toList();
        assertTrue(documented.size() >= (operations.pattern().equals(".*") ? 50 : 1),
                "the merged document lists too few operations: " + documented.size());

        long started = System.nanoTime();
        String nonce = Long.toString(System.currentTimeMillis() / 1000 % 1_679_616, 36).toUpperCase(Locale.ROOT);
        ValidRequests valid = new ValidRequests(document, gateway, seed, nonce);
        valid.own().createOwnHierarchy();
        awaitOwnHierarchyKnown(gateway, document, valid);
        Corpus corpus = new Corpus(valid, gateway.token(), seed);
        List<FuzzCase> cases = new ArrayList<>();
        for (Operation operation : documented) {
            corpus.of(operation).stream().filter(c -> mutations.matcher(c.group()).find()).forEach(cases::add);
        }
        System.out.printf("%nHostile input: seed %d (-Dcommops.fuzz.seed=%d), gateway %s, %d operations, own units %s;"
                + " corpus built in %d s:%n%s", seed, seed, gatewayUrl, documented.size(), valid.own().ownUnits(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), FuzzReport.corpus(cases));

        Oracle oracle = new Oracle(gateway, BOUND);
        long sending = System.nanoTime();
        List<Verdict> verdicts = oracle.judgePairs(send(gateway, oracle, cases, concurrency));
        long seconds = Duration.ofNanos(System.nanoTime() - sending).toSeconds();
        Verdict slowest = verdicts.stream().max(Comparator.comparingLong(v -> v.answer().millis())).orElseThrow();
        System.out.printf("Sent %d requests (+%d follow-ups of asynchronous jobs, +%d resent after a 429) in %d s,"
                        + " %d at a time; slowest %d ms (%s %s)%n", cases.size(), oracle.followUps(),
                gateway.rateLimited(), seconds, concurrency, slowest.answer().millis(), slowest.fuzzCase().operation(),
                slowest.fuzzCase().target());
        System.out.print(coverage(verdicts, valid));

        List<Verdict> failed = verdicts.stream().filter(Verdict::failed).toList();
        FuzzReport.writeReplays(OUTPUT, failed, gateway.token());
        String report = FuzzReport.failures(failed, gatewayUrl);
        Files.writeString(OUTPUT.resolve("report.txt"), report);
        if (!failed.isEmpty()) {
            System.out.println(report);
            fail(String.format("%d of %d hostile requests were answered wrongly (seed %d); every one is listed above"
                    + " and in %s, replayable from its NNNN.http:%n%s", failed.size(), cases.size(), seed,
                    OUTPUT.resolve("report.txt").toAbsolutePath(), FuzzReport.summary(failed)));
        }
    }

    /**
     * Operations side by side, each one's requests in order: two requests never race on the same resource, so
     * a run gives the same answers each time.
     */
    private static List<Verdict> send(FuzzGateway gateway, Oracle oracle, List<FuzzCase> cases, int concurrency)
            throws Exception {
        Map<String, List<FuzzCase>> byOperation = new LinkedHashMap<>();
        cases.forEach(c -> byOperation.computeIfAbsent(c.operation(), key -> new ArrayList<>()).add(c));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<List<Verdict>>> pending = new ArrayList<>();
            for (List<FuzzCase> ofOperation : byOperation.values()) {
                pending.add(pool.submit(() -> ofOperation.stream()
                        .map(c -> oracle.judge(c, gateway.send(c.request()))).toList()));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Future<List<Verdict>> verdict : pending) {
                verdicts.addAll(verdict.get());
            }
            return verdicts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How far the "invalid accepted" oracle sees: only where the unbroken request is accepted. */
    private static String coverage(List<Verdict> verdicts, ValidRequests valid) {
        List<Verdict> bases = verdicts.stream().filter(v -> v.fuzzCase().mutation().equals("valid-base")).toList();
        long accepted = bases.stream().filter(v -> v.answer().status() / 100 == 2).count();
        StringBuilder text = new StringBuilder(String.format("Valid bases accepted on %d of %d operations probed;"
                + " refused:", accepted, bases.size()));
        bases.stream().filter(v -> v.answer().status() / 100 != 2).forEach(v -> text.append(' ')
                .append(v.fuzzCase().operation()).append('=').append(v.answer().status()));
        text.append(String.format("%nResources the fuzzer created for path parameters and references: %s%n",
                valid.own().fixtureOutcomes()));
        return text.toString();
    }

    /**
     * The other services learn of the fuzzer's units from plan-service's events: waits until the reads that
     * need a unit (a required orgUnit) know the commune, so that bases naming it are not refused for a while.
     */
    private static void awaitOwnHierarchyKnown(FuzzGateway gateway, ApiDocument document, ValidRequests valid)
            throws InterruptedException {
        String commune = valid.own().ownUnits().get(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Operation operation : document.operations()) {
            boolean needsUnit = operation.in("query").stream()
                    .anyMatch(p -> p.name().equals("orgUnit") && p.required());
            if (!operation.writes() && needsUnit && operation.in("path").isEmpty()) {
                StringBuilder target = new StringBuilder(operation.path()).append("?orgUnit=").append(commune);
                operation.in("query").stream().filter(p -> p.required() && !p.name().equals("orgUnit"))
                        .forEach(p -> target.append('&').append(p.name()).append('=')
                                .append(Urls.encode(valid.queryValue(operation, p))));
                while (System.nanoTime() < deadline) {
                    int status = gateway.call("GET", target.toString(), null).status();
                    if (status != 404 && status != 422) {
                        break;
                    }
                    Thread.sleep(250);
                }
            }
        }
    }
}
