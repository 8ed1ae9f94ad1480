import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite's steady load, written as a field office and a partner would write their clients: single
 * activities from an office's mobile clients (open loop, N a second, each with its own externalId, a client id
 * and an Idempotency-Key), a partner's uploader sending NDJSON batches with its API key's token (closed loop: the
 * next batch waits for the previous one's answer), feedback the office logs at its desk (Idempotency-Key and
 * sourceId), and the office's dashboard reading assignment progress and live totals. Every request that gets a
 * 401 (a new token first), a 429, a 5xx, a time-out or no connection is sent again, same key and body, after
 * Retry-After or a backoff, until it is answered or FAULTS_GIVE_UP_SECONDS pass; the first attempt's outcome
 * is what the suite counts as refused.
 *
 *   java faults/Load.java WORK_DIR
 *
 * Settings (environment): FAULTS_GATEWAY, FAULTS_RUN (id prefix of this run), FAULTS_UNITS (communes, comma
 * separated), FAULTS_OFFICE_UNIT (the subtree the office token is granted), FAULTS_ASSIGNMENTS
 * (unit=assignmentId,..., several a unit), FAULTS_SINGLES_PER_SECOND (5), FAULTS_BATCH_SIZE (200),
 * FAULTS_BATCH_INTERVAL_MS (5000), FAULTS_FEEDBACK_PER_SECOND (1), FAULTS_READS_PER_SECOND (2),
 * FAULTS_GIVE_UP_SECONDS (600); the partner's API key in WORK_DIR/partner.key.
 *
 * Control: the driver writes WORK_DIR/control: "run PHASE", "pause" or "stop". Requests are counted under
 * the phase in force when they were created. Every 500 ms the load writes WORK_DIR/status ("key value" lines,
 * one "counts" line per phase) and appends the ids of accepted activity records to WORK_DIR/accepted-PHASE.txt,
 * of accepted feedback items to WORK_DIR/feedback-PHASE.txt.
 */
public class Load {

    static final Pattern NUMBER_FIELD = Pattern.compile("\"(created|unchanged|corrected|conflicts|rejected|total)\":(\\d+)");
    static final Pattern INDEX = Pattern.compile("\"index\":(\\d+)");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\":(\\d+)");
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    final Path work;
    final String gateway;
    final String run;
    final List<String> units;
    final String officeUnit;
    final Map<String, List<String>> assignments = new LinkedHashMap<>();
    final double singlesPerSecond;
    final double feedbackPerSecond;
    final double readsPerSecond;
    final int batchSize;
    final long batchIntervalMs;
    final long giveUpMs;
    final String partnerKey;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    final Map<String, Phase> phases = new ConcurrentHashMap<>();
    final Map<String, Writer> acceptedFiles = new ConcurrentHashMap<>();
    final AtomicLong singleSeq = new AtomicLong();
    final AtomicLong batchSeq = new AtomicLong();
    final AtomicLong feedbackSeq = new AtomicLong();
    final AtomicLong readSeq = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final Object tokenLock = new Object();

    volatile String mode = "pause";
    volatile String phase = "start";
    volatile boolean batchBusy;
    volatile long nextBatchAt;
    volatile long batchSince;
    volatile Token officeToken;
    volatile Token partnerToken;
    volatile Token viewerToken;

    record Token(String value, long refreshAt) {
    }

    /** A phase's counts: requests created in it and what became of them. */
    static final class Phase {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong singles = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong feedback = new AtomicLong();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong acceptedRequests = new AtomicLong();
        final AtomicLong acceptedRecords = new AtomicLong();
        final AtomicLong acceptedFeedback = new AtomicLong();
        final AtomicLong records = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong gaveUp = new AtomicLong();
        final AtomicLong rejectedRecords = new AtomicLong();
        final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> retryStatuses = new ConcurrentHashMap<>();
        final AtomicLong maxLatencyMs = new AtomicLong();
    }

    /** One request as the client keeps it until it has an answer: same key, same body on every attempt. */
    enum Kind {
        SINGLE, BATCH, FEEDBACK, READ
    }

    final class Call {
        final String phaseName;
        final Phase counts;
        final Kind kind;
        final String key;
        final List<String> recordIds;
        final String body;
        final long started = System.currentTimeMillis();
        int attempts;

        Call(Kind kind, String key, List<String> recordIds, String body) {
            this.phaseName = phase;
            this.counts = phases.computeIfAbsent(phaseName, p -> new Phase());
            this.kind = kind;
            this.key = key;
            this.recordIds = recordIds;
            this.body = body;
        }

        HttpRequest request() {
            Token token = switch (kind) {
                case BATCH -> partnerToken();
                case READ -> viewerToken();
                default -> officeToken();
            };
            HttpRequest.Builder builder = HttpRequest.newBuilder().header("Authorization", "Bearer " + token.value());
            if (kind == Kind.READ) {
                return builder.uri(URI.create(gateway + key)).GET().timeout(Duration.ofSeconds(30)).build();
            }
            builder.header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            return switch (kind) {
                case BATCH -> builder.uri(URI.create(gateway + "/api/v1/activities/batches?mode=per-record&report=failures"))
                        .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                        .timeout(Duration.ofSeconds(60)).build();
                case FEEDBACK -> builder.uri(URI.create(gateway + "/api/v1/feedback"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build();
                default -> builder.uri(URI.create(gateway + "/api/v1/activities"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build();
            };
        }
    }

    Load(Path work) throws IOException {
        this.work = work;
        gateway = env("FAULTS_GATEWAY", "http://127.0.0.1:28080");
        run = env("FAULTS_RUN", "flt-" + System.currentTimeMillis());
        units = List.of(env("FAULTS_UNITS", "").split(","));
        officeUnit = env("FAULTS_OFFICE_UNIT", "");
        for (String pair : env("FAULTS_ASSIGNMENTS", "").split(",")) {
            if (pair.contains("=")) {
                assignments.computeIfAbsent(pair.substring(0, pair.indexOf('=')), u -> new ArrayList<>())
                        .add(pair.substring(pair.indexOf('=') + 1));
            }
        }
        singlesPerSecond = Double.parseDouble(env("FAULTS_SINGLES_PER_SECOND", "5"));
        feedbackPerSecond = Double.parseDouble(env("FAULTS_FEEDBACK_PER_SECOND", "1"));
        readsPerSecond = Double.parseDouble(env("FAULTS_READS_PER_SECOND", "2"));
        batchSize = Integer.parseInt(env("FAULTS_BATCH_SIZE", "200"));
        batchIntervalMs = Long.parseLong(env("FAULTS_BATCH_INTERVAL_MS", "5000"));
        giveUpMs = 1000L * Long.parseLong(env("FAULTS_GIVE_UP_SECONDS", "600"));
        partnerKey = Files.readString(work.resolve("partner.key")).trim();
        if (units.isEmpty() || units.get(0).isBlank() || officeUnit.isBlank()) {
            throw new IllegalArgumentException("FAULTS_UNITS and FAULTS_OFFICE_UNIT are required");
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void main(String[] args) throws Exception {
        Load load = new Load(Path.of(args.length > 0 ? args[0] : "."));
        System.out.printf("load: %s single activities/s, a partner batch of %d records every %d ms (the next after the"
                        + " previous answer), %s feedback items/s, %s reads/s; run %s, %d units%n", load.singlesPerSecond,
                load.batchSize, load.batchIntervalMs, load.feedbackPerSecond, load.readsPerSecond, load.run,
                load.units.size());
        load.start();
    }

    void start() throws InterruptedException {
        long period = Math.max(1, Math.round(1_000_000 / singlesPerSecond));
        timer.scheduleAtFixedRate(this::maybeSendSingle, 0, period, TimeUnit.MICROSECONDS);
        timer.scheduleAtFixedRate(this::maybeSendBatch, 0, 50, TimeUnit.MILLISECONDS);
        if (feedbackPerSecond > 0) {
            timer.scheduleAtFixedRate(this::maybeSendFeedback, 0, Math.round(1_000_000 / feedbackPerSecond),
                    TimeUnit.MICROSECONDS);
        }
        if (readsPerSecond > 0) {
            timer.scheduleAtFixedRate(this::maybeRead, 0, Math.round(1_000_000 / readsPerSecond), TimeUnit.MICROSECONDS);
        }
        timer.scheduleAtFixedRate(this::writeStatus, 500, 500, TimeUnit.MILLISECONDS);
        while (true) {
            readControl();
            if ("stop".equals(mode) && inFlight.get() == 0) {
                writeStatus();
                System.out.println("load: stopped");
                System.exit(0);
            }
            Thread.sleep(100);
        }
    }

    void readControl() {
        try {
            String line = Files.readString(work.resolve("control")).trim();
            if (line.startsWith("run ")) {
                phase = line.substring(4).trim();
                mode = "run";
            } else if (!line.isEmpty()) {
                mode = line;
            }
        } catch (IOException e) {
            // not written yet: stay paused
        }
    }

    // ------------------------------------------------------------------ what is sent

    void maybeSendSingle() {
        if (!"run".equals(mode)) {
            return;
        }
        try {
            long n = singleSeq.incrementAndGet();
            String id = run + "-s" + n;
            String unit = units.get((int) (n % units.size()));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // An office's mobile client: its own record id, a client uuid kept with the draft, one session.
            String json = "{\"orgUnitCode\":\"" + unit + "\",\"form\":\"SMALL_GROUP\",\"title\":\"Tuyên truyền nhóm nhỏ "
                    + id + "\",\"startedAt\":\"" + startedAt(random) + "\",\"attendance\":" + random.nextInt(5, 61)
                    + ",\"quantity\":1,\"assignmentId\":\"" + assignment(unit, n) + "\",\"externalId\":\"" + id
                    + "\",\"clientId\":\"" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)) + "\"}";
            Call call = new Call(Kind.SINGLE, id, List.of(id), json);
            call.counts.singles.incrementAndGet();
            send(call);
        } catch (RuntimeException e) {
            System.err.println("load: single not sent: " + e);
        }
    }

    void maybeSendBatch() {
        if (!"run".equals(mode) || batchBusy || System.currentTimeMillis() < nextBatchAt) {
            return;
        }
        try {
            batchBusy = true;
            nextBatchAt = System.currentTimeMillis() + batchIntervalMs;
            long b = batchSeq.incrementAndGet();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder ndjson = new StringBuilder(batchSize * 300);
            List<String> ids = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                String id = run + "-b" + b + "-" + i;
                String unit = units.get((int) ((b * 7 + i) % units.size()));
                boolean leaflets = i % 2 == 0;
                ndjson.append("{\"externalId\":\"").append(id).append("\",\"orgUnitCode\":\"").append(unit)
                        .append("\",\"form\":\"").append(leaflets ? "LEAFLET" : "ADVISORY_BOOTH")
                        .append("\",\"title\":\"").append(leaflets ? "Phát tờ rơi " : "Quầy tư vấn ").append(id)
                        .append("\",\"startedAt\":\"").append(startedAt(random)).append('"');
                if (leaflets) {
                    ndjson.append(",\"quantity\":").append(random.nextInt(10, 501));
                } else {
                    ndjson.append(",\"quantity\":1,\"attendance\":").append(random.nextInt(10, 201));
                }
                ndjson.append("}\n");
                ids.add(id);
            }
            Call call = new Call(Kind.BATCH, run + "-b" + b, ids, ndjson.toString());
            call.counts.batches.incrementAndGet();
            send(call);
        } catch (RuntimeException e) {
            batchBusy = false;
            System.err.println("load: batch not sent: " + e);
        }
    }

    static final String[] FEEDBACK = {
        "Người dân hỏi về điều kiện hưởng BHXH một lần",
        "Phản ánh chậm cấp thẻ BHYT cho học sinh",
        "Hỏi cách cài đặt ứng dụng VssID",
        "Đề nghị tư vấn mức đóng BHXH tự nguyện",
        "Thắc mắc về chi trả lương hưu không dùng tiền mặt"};

    void maybeSendFeedback() {
        if (!"run".equals(mode)) {
            return;
        }
        try {
            long n = feedbackSeq.incrementAndGet();
            String id = run + "-f" + n;
            String unit = units.get((int) (n % units.size()));
            String json = "{\"channel\":\"DIRECT_VISIT\",\"text\":\"" + FEEDBACK[(int) (n % FEEDBACK.length)] + " (" + id
                    + ")\",\"orgUnitCode\":\"" + unit + "\",\"sourceId\":\"" + id + "\"}";
            Call call = new Call(Kind.FEEDBACK, id, List.of(id), json);
            call.counts.feedback.incrementAndGet();
            send(call);
        } catch (RuntimeException e) {
            System.err.println("load: feedback not sent: " + e);
        }
    }

    void maybeRead() {
        if (!"run".equals(mode)) {
            return;
        }
        try {
            long n = readSeq.incrementAndGet();
            String unit = units.get((int) (n / 2 % units.size()));
            String path = n % 2 == 0 ? "/api/v1/assignments/" + assignment(unit, n / 16)
                    : "/api/v1/indicators/activity-totals?orgUnit=" + officeUnit + "&period="
                            + OffsetDateTime.now(VIETNAM).getYear();
            Call call = new Call(Kind.READ, path, List.of(), null);
            call.counts.reads.incrementAndGet();
            send(call);
        } catch (RuntimeException e) {
            System.err.println("load: read not sent: " + e);
        }
    }

    /** The office's tasks: its activities report against them in turn (a partner's records report to none). */
    String assignment(String unit, long n) {
        List<String> tasks = assignments.get(unit);
        return tasks.get((int) (n / units.size() % tasks.size()));
    }

    static String startedAt(ThreadLocalRandom random) {
        return OffsetDateTime.now(VIETNAM).minusMinutes(random.nextInt(0, 360)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ------------------------------------------------------------------ sending and retrying

    void send(Call call) {
        if (call.kind == Kind.BATCH) {
            batchSince = System.currentTimeMillis();
            marker(true);
        }
        call.counts.sent.incrementAndGet();
        if (call.kind == Kind.SINGLE || call.kind == Kind.BATCH) {
            call.counts.records.addAndGet(call.recordIds.size());
        }
        call.counts.inFlight.incrementAndGet();
        inFlight.incrementAndGet();
        attempt(call);
    }

    void attempt(Call call) {
        HttpRequest request;
        try {
            request = call.request();
        } catch (RuntimeException e) {
            // no token (the gateway is away): count it as a failed attempt and try again later
            failed(call, "token", null, e);
            return;
        }
        call.attempts++;
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    try {
                        if (error != null) {
                            failed(call, classify(error), null, error);
                        } else if (response.statusCode() / 100 == 2) {
                            succeeded(call, response);
                        } else {
                            failed(call, Integer.toString(response.statusCode()), response, null);
                        }
                    } catch (RuntimeException e) {
                        System.err.println("load: " + call.key + ": " + e);
                        done(call);
                    }
                });
    }

    static String classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return "timeout";
            }
            if (cause instanceof ConnectException) {
                return "connect";
            }
        }
        return "io";
    }

    void succeeded(Call call, HttpResponse<String> response) {
        if (call.attempts == 1) {
            call.counts.refused.computeIfAbsent("ok", s -> new AtomicLong()).incrementAndGet();
        }
        Set<Integer> failedIndexes = new TreeSet<>();
        if (call.kind == Kind.BATCH) {
            Map<String, Long> counts = new TreeMap<>();
            Matcher numbers = NUMBER_FIELD.matcher(response.body());
            while (numbers.find()) {
                counts.putIfAbsent(numbers.group(1), Long.parseLong(numbers.group(2)));
            }
            Matcher indexes = INDEX.matcher(response.body());
            while (indexes.find()) {
                failedIndexes.add(Integer.parseInt(indexes.group(1)));
            }
            if (counts.getOrDefault("total", -1L) != call.recordIds.size() || !failedIndexes.isEmpty()) {
                System.err.println("load: batch " + call.key + " not wholly accepted: "
                        + response.body().substring(0, Math.min(600, response.body().length())));
            }
        }
        List<String> accepted = new ArrayList<>(call.recordIds.size());
        for (int i = 0; i < call.recordIds.size(); i++) {
            if (!failedIndexes.contains(i)) {
                accepted.add(call.recordIds.get(i));
            }
        }
        call.counts.rejectedRecords.addAndGet(failedIndexes.size());
        if (call.kind == Kind.FEEDBACK) {
            record("feedback-" + call.phaseName, accepted);
        } else if (call.kind != Kind.READ) {
            record("accepted-" + call.phaseName, accepted);
        }
        call.counts.acceptedRequests.incrementAndGet();
        if (call.kind == Kind.FEEDBACK) {
            call.counts.acceptedFeedback.incrementAndGet();
        } else if (call.kind != Kind.READ) {
            call.counts.acceptedRecords.addAndGet(accepted.size());
        }
        call.counts.maxLatencyMs.accumulateAndGet(System.currentTimeMillis() - call.started, Math::max);
        done(call);
    }

    void failed(Call call, String status, HttpResponse<String> response, Throwable error) {
        if (call.attempts <= 1) {
            call.counts.refused.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
        int code = response == null ? 0 : response.statusCode();
        boolean retryable = response == null || code == 429 || code >= 500 || code == 401;
        if (code == 401) {
            // the gateway restarted with a new signing key, or the token ran out: get a new one
            switch (call.kind) {
                case BATCH -> partnerToken = null;
                case READ -> viewerToken = null;
                default -> officeToken = null;
            }
        }
        if (!retryable || System.currentTimeMillis() - call.started > giveUpMs) {
            call.counts.gaveUp.incrementAndGet();
            System.err.println("load: " + call.key + " given up after " + call.attempts + " attempts: " + status + " "
                    + (response != null ? response.body().substring(0, Math.min(400, response.body().length()))
                    : String.valueOf(error)));
            done(call);
            return;
        }
        call.counts.retries.incrementAndGet();
        call.counts.retryStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        // Exponential backoff from 0.5 s to 30 s with jitter, never sooner than the server's Retry-After: a
        // fleet of clients retrying at once must not keep an overloaded service down.
        long backoff = Math.min(30_000, 500L << Math.min(6, call.attempts - 1));
        long delay = backoff / 2 + ThreadLocalRandom.current().nextLong(0, backoff / 2 + 1);
        if (response != null) {
            delay = Math.max(delay, retryAfter(response.headers(), 0));
        }
        timer.schedule(() -> attempt(call), delay, TimeUnit.MILLISECONDS);
    }

    static long retryAfter(HttpHeaders headers, long fallback) {
        return headers.firstValue("Retry-After").map(value -> {
            try {
                return Math.min(30_000, 1000 * Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    void done(Call call) {
        call.counts.inFlight.decrementAndGet();
        inFlight.decrementAndGet();
        if (call.kind == Kind.BATCH) {
            marker(false);
            batchBusy = false;
        }
    }

    void record(String phaseName, List<String> ids) {
        synchronized (acceptedFiles) {
            write(phaseName, ids);
        }
    }

    private void write(String phaseName, List<String> ids) {
        try {
            Writer out = acceptedFiles.computeIfAbsent(phaseName, p -> {
                try {
                    return Files.newBufferedWriter(work.resolve(p + ".txt"), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (String id : ids) {
                out.write(id);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ tokens

    Token officeToken() {
        Token token = officeToken;
        if (token == null || System.currentTimeMillis() > token.refreshAt()) {
            // An officer of the offices whose activities the load reports (unit-officer, granted the run's subtree).
            token = fetchToken(HttpRequest.newBuilder(URI.create(gateway + "/auth/dev-token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"lc-officer\",\"orgUnits\":[\""
                            + officeUnit + "\"]}")));
            officeToken = token;
        }
        return token;
    }

    Token viewerToken() {
        Token token = viewerToken;
        if (token == null || System.currentTimeMillis() > token.refreshAt()) {
            // The office's dashboard: reads progress and live totals.
            token = fetchToken(HttpRequest.newBuilder(URI.create(gateway + "/auth/dev-token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"viewer\"}")));
            viewerToken = token;
        }
        return token;
    }

    Token partnerToken() {
        Token token = partnerToken;
        if (token == null || System.currentTimeMillis() > token.refreshAt()) {
            // The partner's uploader exchanges its API key for a short-lived token, as docs/security.md says.
            token = fetchToken(HttpRequest.newBuilder(URI.create(gateway + "/auth/partner-token"))
                    .header("X-Api-Key", partnerKey).POST(HttpRequest.BodyPublishers.noBody()));
            partnerToken = token;
        }
        return token;
    }

    Token fetchToken(HttpRequest.Builder request) {
        synchronized (tokenLock) {
            return fetch(request);
        }
    }

    private Token fetch(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("token refused: " + response.statusCode() + " " + response.body());
            }
            Matcher expires = EXPIRES_IN.matcher(response.body());
            long ttl = expires.find() ? Long.parseLong(expires.group(1)) : 900;
            return new Token(token.group(1), System.currentTimeMillis() + ttl * 1000 * 2 / 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ status for the driver

    /** WORK_DIR/batch-inflight exists while a partner batch waits for its answer: the driver kills then. */
    void marker(boolean present) {
        try {
            if (present) {
                Files.writeString(work.resolve("batch-inflight"), Long.toString(batchSince));
            } else {
                Files.deleteIfExists(work.resolve("batch-inflight"));
            }
        } catch (IOException e) {
            System.err.println("load: cannot mark the batch: " + e);
        }
    }

    synchronized void writeStatus() {
        StringBuilder out = new StringBuilder();
        out.append("mode ").append(mode).append('\n');
        out.append("phase ").append(phase).append('\n');
        out.append("inflight ").append(inFlight.get()).append('\n');
        // how long the partner's batch now under way has been waiting for its answer (0: none under way)
        out.append("batch_inflight_ms ").append(batchBusy ? System.currentTimeMillis() - batchSince : 0).append('\n');
        for (Map.Entry<String, Phase> entry : new TreeMap<>(phases).entrySet()) {
            Phase p = entry.getValue();
            Map<String, Long> refused = new TreeMap<>();
            p.refused.forEach((status, count) -> refused.put(status, count.get()));
            Map<String, Long> retried = new TreeMap<>();
            p.retryStatuses.forEach((status, count) -> retried.put(status, count.get()));
            out.append("counts ").append(entry.getKey())
                    .append(" sent=").append(p.sent.get())
                    .append(" singles=").append(p.singles.get())
                    .append(" batches=").append(p.batches.get())
                    .append(" feedback=").append(p.feedback.get())
                    .append(" reads=").append(p.reads.get())
                    .append(" records=").append(p.records.get())
                    .append(" inflight=").append(p.inFlight.get())
                    .append(" accepted_requests=").append(p.acceptedRequests.get())
                    .append(" accepted_records=").append(p.acceptedRecords.get())
                    .append(" accepted_feedback=").append(p.acceptedFeedback.get())
                    .append(" rejected_records=").append(p.rejectedRecords.get())
                    .append(" gave_up=").append(p.gaveUp.get())
                    .append(" retries=").append(p.retries.get())
                    .append(" max_latency_ms=").append(p.maxLatencyMs.get())
                    .append(" first=").append(join(refused))
                    .append(" retried=").append(join(retried)).append('\n');
        }
        try {
            Path tmp = work.resolve("status.tmp");
            Files.writeString(tmp, out);
            Files.move(tmp, work.resolve("status"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("load: cannot write status: " + e);
        }
    }

    static String join(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((status, count) -> text.append(text.length() > 0 ? "," : "").append(status).append(':').append(count));
        return text.toString();
    }
}
