package vn.commops.activity.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.commops.activity.activity.ActivityRequest;
import vn.commops.activity.breakdown.Breakdowns;
import vn.commops.activity.bulk.ActivityWriter.Submitted;
import vn.commops.common.csv.Csv;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.contract.UnreadableFields;

/**
 * Reads an upload of activities, as a JSON array, NDJSON or CSV, into records. A record that cannot
 * be read is kept as such, with the field at fault, so the rest of the upload still counts; only a
 * body that is not the announced format at all is refused.
 */
@ApplicationScoped
public class BatchReader {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,40}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,40}\\.\\d{1,40}");
    private static final Set<String> BOOLEAN = Set.of("correction");
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
    /** One element of the array at a time: what follows it is the next element, not trailing garbage. */
    private final ObjectReader elements;

    BatchReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.requests = objectMapper.readerFor(ActivityRequest.class);
        this.elements = objectMapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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

    /**
     * What can be known of an upload before it is queued, so that a job never fails for it later: the
     * text decodes in its charset, a JSON upload is one array of objects and nothing after it, and every
     * format holds at least one record. Fields are checked when the job runs, record by record.
     */
    public void precheck(byte[] upload, String contentType) {
        Charset charset = charsetOf(contentType);
        Reader text = new InputStreamReader(new ByteArrayInputStream(upload), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            int records = switch (Format.of(contentType)) {
                case JSON -> countJsonRecords(text);
                case NDJSON, CSV -> countLines(new BufferedReader(text, 1 << 16), Format.of(contentType) == Format.CSV);
            };
            if (records == 0) {
                throw ProblemException.badRequest("empty-upload", "body", "the upload holds no records");
            }
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("unreadable-body", "body", "is not valid " + charset.name() + " text");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "body", "not a JSON array of activities: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-body", "body", "the upload could not be read");
        }
    }

    private int countJsonRecords(Reader text) throws IOException {
        int records = 0;
        try (JsonParser parser = objectMapper.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("malformed-json", "body", "must be a JSON array of activities");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw ProblemException.badRequest("malformed-json", "[" + records + "]", "must be an activity object");
                }
                parser.skipChildren();
                records++;
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("malformed-json", "body", "holds more after the array of activities");
            }
        }
        return records;
    }

    /** Records of an NDJSON or CSV upload, the CSV's header row aside; reading them all checks the encoding. */
    private static int countLines(BufferedReader lines, boolean header) throws IOException {
        int records = header ? -1 : 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                records++;
            }
        }
        return Math.max(records, 0);
    }

    private List<Submitted> json(Reader body, int limit) throws IOException {
        List<Submitted> records = new ArrayList<>();
        try (JsonParser parser = objectMapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("malformed-json", "body", "must be a JSON array of activities");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = elements.readTree(parser);
                records.add(toRecord(records.size(), node, limit));
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("malformed-json", "body", "holds more after the array of activities");
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
        Csv.Rows rows = Csv.rows(new BufferedReader(body, 1 << 16));
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
                } else if (Breakdowns.isColumn(column)) {
                    breakdownCell(node, column, cell);
                } else if (NUMBERED.contains(column) && WHOLE_NUMBER.matcher(cell.strip()).matches()) {
                    node.put(column, new BigInteger(cell.strip()));
                } else if (NUMBERED.contains(column) && DECIMAL.matcher(cell.strip()).matches()) {
                    // As the number's JSON would be: 1.5 in a count is then refused as in JSON, not truncated.
                    node.put(column, new BigDecimal(cell.strip()));
                } else if (BOOLEAN.contains(column) && (cell.strip().equals("true") || cell.strip().equals("false"))) {
                    node.put(column, Boolean.parseBoolean(cell.strip()));
                } else {
                    node.put(column, cell);
                }
            }
            records.add(toRecord(records.size(), node, limit));
        }
        return records;
    }

    /**
     * One count of a breakdown, {@code attendance.group.STUDENTS}, into the record's
     * {@code breakdowns.attendance.group.STUDENTS}: a whole number as the number, anything else as text, which the
     * record's reading then refuses naming the field.
     */
    private static void breakdownCell(ObjectNode node, String column, String cell) {
        String[] parts = column.split("\\.", 3);
        ObjectNode at = node.has("breakdowns") ? (ObjectNode) node.get("breakdowns") : node.putObject("breakdowns");
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) && at.get(parts[i]).isObject() ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        String value = cell.strip();
        if (WHOLE_NUMBER.matcher(value).matches()) {
            at.put(parts[parts.length - 1], new BigInteger(value));
        } else if (DECIMAL.matcher(value).matches()) {
            at.put(parts[parts.length - 1], new BigDecimal(value));
        } else {
            at.put(parts[parts.length - 1], cell);
        }
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
        return Submitted.unreadable(index, List.of(new Problem.FieldError(UnreadableFields.fieldOf(e),
                UnreadableFields.why(e))));
    }
}
