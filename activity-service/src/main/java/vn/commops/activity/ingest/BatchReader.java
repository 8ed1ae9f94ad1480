package vn.commops.activity.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.activity.ActivityWriter.Submitted;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Reads an upload of activities, as a JSON array, NDJSON or CSV, into records. A record that cannot
 * be read is kept as such, with the field at fault, so the rest of the upload still counts; only a
 * body that is not the announced format at all is refused.
 */
@ApplicationScoped
public class BatchReader {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    private static final Set<String> NUMBERED = Set.of("latitude", "longitude", "attendance", "reach", "plays",
            "interactions", "quantity", "durationMinutes", "newSocialInsurance", "newHealthInsurance", "appInstalls",
            "nonCashConversions", "booksAndCardsDonated", "costVnd");

    public enum Format {
        JSON, NDJSON, CSV;

        public static Format of(String mediaType) {
            String type = mediaType == null ? "" : mediaType.toLowerCase();
            if (type.startsWith(BatchReader.NDJSON) || type.startsWith("application/ndjson")) {
                return NDJSON;
            }
            if (type.startsWith(BatchReader.CSV)) {
                return CSV;
            }
            return JSON;
        }
    }

    private final ObjectMapper objectMapper;
    private final ObjectReader requests;

    BatchReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.requests = objectMapper.readerFor(ActivityRequest.class);
    }

    /** The charset the Content-Type names; UTF-8 when it names none. */
    public static Charset charsetOf(String mediaType) {
        if (mediaType != null) {
            Matcher charset = Pattern.compile("charset=\"?([\\w.:-]+)",
                    Pattern.CASE_INSENSITIVE).matcher(mediaType);
            if (charset.find()) {
                try {
                    return Charset.forName(charset.group(1));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("unknown-charset", "Content-Type", "unknown charset " + charset.group(1));
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Reads at most {@code limit} records; one more is a 413 naming the limit. */
    public List<Submitted> read(InputStream body, String contentType, int limit) {
        Charset charset = charsetOf(contentType);
        try {
            return switch (Format.of(contentType)) {
                case JSON -> json(new InputStreamReader(body, charset), limit);
                case NDJSON -> charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                        ? ndjson(body, limit) : ndjson(new InputStreamReader(body, charset), limit);
                case CSV -> csv(new InputStreamReader(body, charset), limit);
            };
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "body", "not a JSON array of activities: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-body", "body", "the upload could not be read");
        }
    }

    private List<Submitted> json(Reader body, int limit) throws IOException {
        List<Submitted> records = new ArrayList<>();
        try (JsonParser parser = objectMapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("malformed-json", "body", "must be a JSON array of activities");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = parser.readValueAsTree();
                records.add(toRecord(records.size(), node, limit));
            }
        }
        return records;
    }

    /** NDJSON in UTF-8, parsed from the bytes as they arrive. */
    private List<Submitted> ndjson(InputStream body, int limit) throws IOException {
        List<Submitted> records = new ArrayList<>();
        JsonLines.forEach(body, (bytes, offset, length) -> {
            int index = records.size();
            checkLimit(index, limit);
            records.add(line(index, () -> requests.readValue(bytes, offset, length)));
        });
        return records;
    }

    /** NDJSON in another charset, decoded line by line. */
    private List<Submitted> ndjson(Reader body, int limit) throws IOException {
        List<Submitted> records = new ArrayList<>();
        BufferedReader lines = new BufferedReader(body, 1 << 16);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            int index = records.size();
            checkLimit(index, limit);
            String text = line;
            records.add(line(index, () -> requests.readValue(text)));
        }
        return records;
    }

    private interface LineParse {
        ActivityRequest parse() throws IOException;
    }

    /** One NDJSON line as a record; a line that cannot be read is kept with the field at fault. */
    private static Submitted line(int index, LineParse parse) throws IOException {
        try {
            return Submitted.of(index, parse.parse());
        } catch (JsonMappingException e) {
            return unreadable(index, e);
        } catch (JsonProcessingException e) {
            return Submitted.unreadable(index, List.of(new Problem.FieldError("body",
                    "line is not valid JSON: " + e.getOriginalMessage())));
        }
    }

    /** A header row of field names (those of the JSON record), then one activity per row. */
    private List<Submitted> csv(Reader body, int limit) throws IOException {
        List<Submitted> records = new ArrayList<>();
        CsvRows rows = new CsvRows(new BufferedReader(body, 1 << 16));
        List<String> header = rows.next();
        if (header == null) {
            return records;
        }
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            ObjectNode node = objectMapper.createObjectNode();
            ObjectNode evidence = null;
            for (int c = 0; c < header.size() && c < row.size(); c++) {
                String column = header.get(c).strip();
                String cell = row.get(c);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                if (column.equals("communicatorIds")) {
                    ArrayNode ids = node.putArray(column);
                    for (String id : cell.split("[;|]")) {
                        if (!id.isBlank()) {
                            ids.add(id.strip());
                        }
                    }
                } else if (column.startsWith("evidence") && column.length() > "evidence".length()) {
                    // one evidence item per row: evidenceUrl, evidenceSha256, evidenceCapturedAt, evidenceLatitude…
                    evidence = evidence == null ? node.putArray("evidence").addObject() : evidence;
                    String field = column.substring("evidence".length());
                    evidence.put(Character.toLowerCase(field.charAt(0)) + field.substring(1), cell);
                } else if (NUMBERED.contains(column) && cell.strip().matches("-?\\d+")) {
                    node.put(column, Long.parseLong(cell.strip()));
                } else {
                    node.put(column, cell);
                }
            }
            records.add(toRecord(records.size(), node, limit));
        }
        return records;
    }

    private Submitted toRecord(int index, JsonNode node, int limit) {
        checkLimit(index, limit);
        try {
            return Submitted.of(index, requests.readValue(node));
        } catch (JsonMappingException e) {
            return unreadable(index, e);
        } catch (IOException e) {
            return Submitted.unreadable(index, List.of(new Problem.FieldError("body", "cannot be read")));
        }
    }

    private static void checkLimit(int index, int limit) {
        if (index >= limit) {
            throw new ProblemException(413, "batch-too-large", "Batch too large",
                    "A batch holds at most " + limit + " records; send larger uploads to /api/v1/imports",
                    List.of(new Problem.FieldError("body", "more than " + limit + " records")));
        }
    }

    private static Submitted unreadable(int index, JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String message = e.getOriginalMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return Submitted.unreadable(index, List.of(new Problem.FieldError(field.isEmpty() ? "body" : field.toString(),
                "cannot be read: " + (newline > 0 ? message.substring(0, newline) : message))));
    }
}
