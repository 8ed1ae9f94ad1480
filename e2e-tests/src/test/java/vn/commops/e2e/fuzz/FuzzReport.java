package vn.commops.e2e.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.commops.e2e.fuzz.Oracle.Verdict;

/** What a run prints: its corpus, and every failing request, grouped, each with a file that replays it. */
final class FuzzReport {

    private FuzzReport() {
    }

    static String corpus(List<FuzzCase> cases) {
        Map<String, int[]> groups = new TreeMap<>();
        for (FuzzCase fuzzCase : cases) {
            int[] counts = groups.computeIfAbsent(fuzzCase.group(), key -> new int[2]);
            counts[0]++;
            counts[1] += fuzzCase.expect() == FuzzCase.Expect.REFUSE ? 1 : 0;
        }
        StringBuilder text = new StringBuilder(String.format("  %-36s %8s %8s%n", "class", "requests",
                "refuse"));
        groups.forEach((group, counts) -> text.append(String.format("  %-36s %8d %8d%n", group, counts[0], counts[1])));
        text.append(String.format("  %-36s %8d %8d%n", "total", cases.size(),
                groups.values().stream().mapToInt(c -> c[1]).sum()));
        return text.toString();
    }

    /**
     * Failures by kind, then by mutation class: how many, on which operations, then every request, numbered as
     * the files {@link #writeReplays} writes.
     */
    static String failures(List<Verdict> failed, URI gateway) {
        Map<Verdict, Integer> numbers = new IdentityHashMap<>();
        failed.forEach(v -> numbers.put(v, numbers.size() + 1));
        StringBuilder text = new StringBuilder(String.format("Replay request NNNN byte for byte (T: a token from"
                + " POST /auth/dev-token):%n  exec 3<>/dev/tcp/%s/%d; sed \"s/\\$TOKEN/$T/\" NNNN.http >&3;"
                + " cat <&3; exec 3<&-%n", gateway.getHost(), gateway.getPort()));
        Map<String, Map<String, List<Verdict>>> byKind = new TreeMap<>();
        for (Verdict verdict : failed) {
            byKind.computeIfAbsent(verdict.failure(), key -> new TreeMap<>())
                    .computeIfAbsent(verdict.fuzzCase().group(), key -> new ArrayList<>()).add(verdict);
        }
        byKind.forEach((kind, groups) -> {
            text.append(String.format("%n== %s: %d requests ==%n", kind,
                    groups.values().stream().mapToInt(List::size).sum()));
            groups.forEach((group, verdicts) -> {
                TreeSet<String> operations = verdicts.stream().map(v -> v.fuzzCase().operation())
                        .collect(Collectors.toCollection(TreeSet::new));
                text.append(String.format("-- %s: %d requests on %d operations: %s%n", group, verdicts.size(),
                        operations.size(), String.join(", ", operations)));
                for (Verdict verdict : verdicts) {
                    text.append("   ").append(line(verdict, numbers.get(verdict))).append('\n');
                }
            });
        });
        return text.toString();
    }

    /** Counts by kind and class, for the assertion message. */
    static String summary(List<Verdict> failed) {
        Map<String, Long> counts = failed.stream().collect(Collectors.groupingBy(
                v -> v.failure() + " / " + v.fuzzCase().group(), TreeMap::new, Collectors.counting()));
        StringBuilder text = new StringBuilder();
        counts.forEach((group, count) -> text.append(String.format("  %5d  %s%n", count, group)));
        return text.toString();
    }

    private static String line(Verdict verdict, Integer number) {
        FuzzCase fuzzCase = verdict.fuzzCase();
        RawHttp.Answer answer = verdict.answer();
        String outcome = answer.answered()
                ? answer.status() + " " + (answer.contentType() == null ? "(no content type)" : answer.contentType())
                + " " + answer.millis() + "ms"
                : answer.failure() + " after " + answer.millis() + "ms";
        String body = fuzzCase.request().body() == null ? ""
                : "  body: " + JsonText.gist(new String(fuzzCase.request().body(), StandardCharsets.UTF_8), 120);
        String answerText = answer.answered() && answer.body().length > 0
                ? "  answer: " + Oracle.gist(answer.bodyText()) : "";
        return String.format("#%04d %s | %s %s | %s%s%s%s", number, outcome, fuzzCase.request().method(),
                shortTarget(fuzzCase.request().target()), fuzzCase.target(),
                verdict.note() == null ? "" : "  (" + verdict.note() + ")", answerText, body);
    }

    private static String shortTarget(String target) {
        return target.length() > 100 ? target.substring(0, 90) + "…(" + target.length() + " chars)" : target;
    }

    /** Writes each failing request as the bytes it was, to {@code NNNN.http}, with the token left as {@code $TOKEN}. */
    static void writeReplays(Path directory, List<Verdict> failed, String token) {
        try {
            Files.createDirectories(directory);
            try (var old = Files.list(directory)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".http")).toList()) {
                    Files.delete(file);
                }
            }
            for (int number = 1; number <= failed.size(); number++) {
                RawHttp.Request request = failed.get(number - 1).fuzzCase().request();
                StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n");
                boolean length = false;
                for (String[] header : request.headers()) {
                    head.append(header[0]).append(": ").append(header[1].replace(token, "$TOKEN")).append("\r\n");
                    length |= header[0].equalsIgnoreCase("Content-Length");
                }
                byte[] body = request.body() == null ? new byte[0] : request.body();
                if (!length) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
                head.append("Connection: close\r\n\r\n");
                Files.write(directory.resolve(String.format("%04d.http", number)),
                        JsonText.concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
