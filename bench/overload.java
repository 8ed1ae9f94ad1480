// Overload: single POSTs of new activities sent at a fixed rate, whatever the answers (an open loop, as
// many mobile clients are: a slow answer does not slow the next client down), for a number of seconds.
//
//   java bench/overload.java <url> <token> <rate/s> <seconds>
//
// Prints, for the accepted (2xx) and the refused (503) requests apart, how many, p50, p99 and the slowest
// answer; how many refusals lacked Retry-After; and any other status. Issue 21's goal at twice the
// capacity: no accepted request slower than 1 s, every refusal answered within 50 ms with Retry-After.
// Exits 1 when any request failed otherwise (another status, a timeout, a connection error).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Overload {

    private static final String BODY = "{\"orgUnitCode\":\"LC-HOPHAI\",\"form\":\"SMALL_GROUP\","
            + "\"title\":\"Tuyên truyền nhóm nhỏ tại thôn Hồ Phai\",\"startedAt\":\"2024-05-13T08:00:00+07:00\","
            + "\"attendance\":35,\"newSocialInsurance\":2,\"clientId\":\"%s\"}";

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int total = rate * seconds;

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
        AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
        Map<String, AtomicInteger> others = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        AtomicInteger sent = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() > total) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, UUID.randomUUID()))).build();
            long start = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long micros = (System.nanoTime() - start) / 1_000;
                if (failure != null) {
                    others.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                } else if (response.statusCode() / 100 == 2) {
                    accepted.add(micros);
                } else if (response.statusCode() == 503) {
                    refused.add(micros);
                    if (response.headers().firstValue("Retry-After").isEmpty()) {
                        refusedWithoutRetryAfter.incrementAndGet();
                    }
                } else {
                    others.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                }
                done.countDown();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        System.out.printf("offered %d POST/s for %d s: %d requests%n", rate, seconds, total);
        print("accepted", accepted);
        print("refused (503)", refused);
        System.out.printf("refusals without Retry-After: %d%n", refusedWithoutRetryAfter.get());
        others.forEach((what, count) -> System.out.printf("other: %s x %d%n", what, count.get()));
        if (!finished) {
            System.out.printf("unanswered after %d s: %d%n", seconds + 60, done.getCount());
        }
        System.exit(finished && others.isEmpty() ? 0 : 1);
    }

    private static void print(String what, ConcurrentLinkedQueue<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%-14s %6d%n", what, 0);
            return;
        }
        System.out.printf("%-14s %6d   p50 %8.1f ms   p99 %8.1f ms   slowest %8.1f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }
}
