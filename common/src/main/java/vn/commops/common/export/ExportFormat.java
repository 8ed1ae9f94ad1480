package vn.commops.common.export;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;
import vn.commops.common.csv.Csv;
import vn.commops.common.problem.ProblemException;

/**
 * The spreadsheet formats a list is exported in. A list endpoint answers JSON pages unless the
 * caller asks for a file: {@code format=csv|xlsx} (what a browser link can say), or else an
 * {@code Accept} header that prefers {@code text/csv} or the XLSX type to JSON.
 */
public enum ExportFormat {

    CSV(Csv.MEDIA_TYPE, "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    /** The XLSX media type, for {@code @Produces} and OpenAPI annotations. */
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** What the {@code format} query parameter of a list accepts. */
    public static final String PARAMETER_DESCRIPTION = "json (the default), or csv or xlsx for every matching row "
            + "as one streamed file, no paging; the same as Accept: text/csv or " + XLSX_MEDIA_TYPE;

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The file asked for, or empty for a JSON page; an unknown {@code format} is a 400 naming it. */
    public static Optional<ExportFormat> requested(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Optional.empty();
                case "csv" -> Optional.of(CSV);
                case "xlsx" -> Optional.of(XLSX);
                default -> throw ProblemException.badRequest("invalid-format", "format", "must be json, csv or xlsx");
            };
        }
        if (headers == null) {
            return Optional.empty();
        }
        // Accept types come sorted by preference: the first that names one of ours decides.
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            for (ExportFormat candidate : values()) {
                if (type.isCompatible(MediaType.valueOf(candidate.mediaType))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
