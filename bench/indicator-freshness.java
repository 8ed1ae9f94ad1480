// Freshness of indicator values: posts activities through the gateway at a steady rate and measures how
// long each takes, from activity-service's 201, to show in indicator-service's values API.
//
//   java bench/indicator-freshness.java <gateway> <token> <orgUnit> <rate/s> <seconds> <accepted.csv> [batch]
//
// With batch > 1 the activities go as JSON arrays of that many to the batch path
// (POST /api/v1/activities/batches), as partners' and mobile clients' syncs do, one array every
// batch/rate seconds; each activity of an array counts as accepted when its 200 arrives.
//
// Every activity is one SMALL_GROUP on 2025-01-01 in <orgUnit>. A poller reads ACTIVITIES_HELD of that unit
// and day through the API every 20 ms; the i-th accepted activity counts as visible at the first poll that
// shows at least i more than before the run (a watermark over the count, since events of different
// partitions are applied in no global order). The ids and acceptance times go to <accepted.csv> so the
// script can also join them with the time each one was applied (activity_state.applied_at).
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IndicatorFreshness {

    private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.]+)");

    record Accepted(String id, long acceptedMillis) {
    }

    record Poll(long atMillis, long count) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        String unit = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        int batch = args.length > 6 ? Math.max(1, Integer.parseInt(args[6])) : 1;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI activities = URI.create(gateway + (batch > 1 ? "/api/v1/activities/batches" : "/api/v1/activities"));
        URI values = URI.create(gateway + "/api/v1/indicators/values?indicators=ACTIVITIES_HELD&orgUnit=" + unit
                + "&period=20250101");
        long baseline = count(http, values, token);

        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        List<Poll> polls = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int total = rate * seconds;
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);

        clock.scheduleAtFixedRate(() -> {
            try {
                polls.add(new Poll(System.currentTimeMillis(), count(http, values, token) - baseline));
            } catch (Exception e) {
                // a missed poll only widens the watermark's step
            }
        }, 0, 20, TimeUnit.MILLISECONDS);

        // Ticks of 10 ms, each sending its share, so the rate holds without bursts; with batches, one
        // array per tick of batch/rate seconds.
        int perTick = batch > 1 ? batch : Math.max(1, rate / 100);
        long tickMicros = batch > 1 ? 1_000_000L * batch / rate : 10_000L;
        int requests = (total + perTick - 1) / perTick;
        CountDownLatch answered = new CountDownLatch(requests);
        AtomicInteger sent = new AtomicInteger();
        long started = System.currentTimeMillis();
        CountDownLatch sending = new CountDownLatch(1);
        clock.scheduleAtFixedRate(() -> {
            int first = sent.getAndAdd(perTick);
            if (first >= total) {
                sending.countDown();
                return;
            }
            int count = Math.min(perTick, total - first);
            StringBuilder records = new StringBuilder(batch > 1 ? "[" : "");
            for (int k = 0; k < count; k++) {
                records.append(k > 0 ? "," : "").append("{\"orgUnitCode\":\"").append(unit)
                        .append("\",\"form\":\"SMALL_GROUP\",\"title\":\"Đo độ tươi ").append(first + k)
                        .append("\",\"startedAt\":\"2025-01-01T08:00:00+07:00\",\"attendance\":1}");
            }
            String body = records.append(batch > 1 ? "]" : "").toString();
            HttpRequest request = HttpRequest.newBuilder(activities).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.currentTimeMillis();
                if (error != null) {
                    failed.addAndGet(count);
                } else if (batch == 1 && response.statusCode() == 201) {
                    Matcher id = ID.matcher(response.body());
                    accepted.add(new Accepted(id.find() ? id.group(1) : "", now));
                } else if (batch > 1 && response.statusCode() == 200) {
                    Matcher created = CREATED.matcher(response.body());
                    int ok = created.find() ? Integer.parseInt(created.group(1)) : 0;
                    Matcher id = ID.matcher(response.body());
                    for (int k = 0; k < ok; k++) {
                        accepted.add(new Accepted(id.find() ? id.group(1) : "", now));
                    }
                    refused.addAndGet(count - ok);
                } else {
                    refused.addAndGet(count);
                }
                answered.countDown();
            });
        }, 0, tickMicros, TimeUnit.MICROSECONDS);

        sending.await();
        long sendingMillis = System.currentTimeMillis() - started;
        answered.await(60, TimeUnit.SECONDS);
        int acceptedCount = accepted.size();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && lastCount(polls) < acceptedCount) {
            Thread.sleep(50);
        }
        Thread.sleep(100);
        clock.shutdownNow();

        List<Accepted> byTime = new ArrayList<>(accepted);
        byTime.sort((a, b) -> Long.compare(a.acceptedMillis(), b.acceptedMillis()));
        List<Poll> seen;
        synchronized (polls) {
            seen = new ArrayList<>(polls);
        }
        seen.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        List<Long> latencies = new ArrayList<>();
        int p = 0;
        long maxSoFar = 0;
        int unseen = 0;
        for (int i = 0; i < byTime.size(); i++) {
            // first poll, after acceptance, whose count reached i + 1
            while (p < seen.size() && (seen.get(p).count() < i + 1 || seen.get(p).atMillis() < byTime.get(i).acceptedMillis())) {
                maxSoFar = Math.max(maxSoFar, seen.get(p).count());
                p++;
            }
            if (p >= seen.size()) {
                unseen = byTime.size() - i;
                break;
            }
            latencies.add(seen.get(p).atMillis() - byTime.get(i).acceptedMillis());
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Accepted a : byTime) {
                csv.println(a.id() + "," + a.acceptedMillis());
            }
        }
        Collections.sort(latencies);
        System.out.printf("sent %d in %.1f s (%.0f/s asked %d/s): %d accepted, %d refused, %d failed%n", total,
                sendingMillis / 1000.0, total * 1000.0 / sendingMillis, rate, acceptedCount, refused.get(),
                failed.get());
        System.out.printf("freshness through the API (count watermark, polled every 20 ms): p50 %d ms, p95 %d ms, "
                + "p99 %d ms, max %d ms; %d not visible within 30 s%n", pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1), unseen);
        System.out.printf("FRESHNESS_P95_MS=%d%n", pct(latencies, 95));
    }

    private static long lastCount(List<Poll> polls) {
        synchronized (polls) {
            return polls.isEmpty() ? 0 : polls.get(polls.size() - 1).count();
        }
    }

    private static long pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static long count(HttpClient http, URI values, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(values).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("values answered " + response.statusCode() + ": " + response.body());
        }
        Matcher value = VALUE.matcher(response.body());
        return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
    }
}
