package vn.commops.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The metric names processes export at /q/metrics, in Prometheus' text format. */
final class ExportedMetrics {

    // HTTP/1.1: the JDK client's h2c upgrade on a plain connection, answered by Vert.x, failed now and
    // then with "Frame type(46) ... exceeds MAX_FRAME_SIZE" on a 2 MB metrics page.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ExportedMetrics() {
    }

    /** The union of what every process exports: a metric counts when any one of them has it. */
    static Set<String> scrape(List<String> baseUrls) throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        for (String baseUrl : baseUrls) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(baseUrl + "/q/metrics answered " + answer.statusCode());
            }
            names.addAll(namesIn(answer.body()));
        }
        return names;
    }

    /**
     * Names of the samples, not of the # TYPE lines: a counter's type line may leave out the
     * _total its samples, and so PromQL, carry.
     */
    static Set<String> namesIn(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && !Character.isWhitespace(sample.charAt(end))) {
                end++;
            }
            names.add(sample.substring(0, end));
        }
        return names;
    }
}
