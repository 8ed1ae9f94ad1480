package vn.commops.activity.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import vn.commops.activity.bulk.ActivityWriter;
import vn.commops.common.csv.Csv;

/** Per-record results as stored (NDJSON, one chunk per 10,000 records) and as CSV for spreadsheets. */
final class ImportResults {

    private ImportResults() {
    }

    static String toNdjson(ObjectMapper objectMapper, List<ActivityWriter.Result> results) {
        StringBuilder out = new StringBuilder(results.size() * 96);
        try {
            for (ActivityWriter.Result result : results) {
                out.append(objectMapper.writeValueAsString(result)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static final String[] CSV_HEADER = {"index", "outcome", "id", "externalId", "clientId", "revision", "problem",
        "errors"};

    /** One chunk of stored results as CSV rows (a partner's externalId neutralised like any text). */
    static void writeCsv(ObjectMapper objectMapper, String ndjson, Csv.Out csv) {
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result;
            try {
                result = objectMapper.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            StringBuilder errors = new StringBuilder();
            for (JsonNode error : result.path("errors")) {
                errors.append(errors.isEmpty() ? "" : "; ").append(error.path("field").asText()).append(": ")
                        .append(error.path("message").asText());
            }
            csv.row(result.path("index").asInt(), cell(result, "outcome"), cell(result, "id"),
                    cell(result, "externalId"), cell(result, "clientId"), result.path("revision").numberValue(),
                    cell(result, "problem"), errors.toString());
        }
    }

    private static String cell(JsonNode result, String field) {
        return result.path(field).asText("");
    }
}
