package vn.commops.activity.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import vn.commops.activity.activity.ActivityWriter;

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

    static String toCsv(ObjectMapper objectMapper, String ndjson) {
        StringBuilder out = new StringBuilder(ndjson.length());
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
            out.append(result.path("index").asInt()).append(',')
                    .append(cell(result, "outcome")).append(',')
                    .append(cell(result, "id")).append(',')
                    .append(quote(result.path("externalId").asText(""))).append(',')
                    .append(cell(result, "clientId")).append(',')
                    .append(cell(result, "revision")).append(',')
                    .append(cell(result, "problem")).append(',')
                    .append(quote(errors.toString())).append('\n');
        }
        return out.toString();
    }

    private static String cell(JsonNode result, String field) {
        return result.path(field).asText("");
    }

    private static String quote(String value) {
        return value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
