package vn.commops.common.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.commops.common.problem.ProblemException;

/**
 * CSV as staff exchange it with spreadsheets (RFC 4180), the one reader and writer of every service.
 * Reading skips a byte-order mark and empty lines and refuses a malformed file with a 400 naming the
 * line. Writing puts a byte-order mark first (without it, spreadsheet programs read UTF-8 as the
 * local code page and Vietnamese arrives garbled), ends lines with CRLF, quotes where needed, and
 * neutralises text that a spreadsheet would run as a formula: a cell starting with {@code = + - @},
 * a tab or a carriage return gets a leading apostrophe (OWASP's advice against CSV injection), so a
 * partner's {@code externalId} of {@code =HYPERLINK(...)} is shown, not followed. Numbers are written
 * as they are.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final ObjectReader ROWS = MAPPER.readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);
    /** Strict quoting: only cells that need it, not every one with a space or a letter beyond ASCII. */
    private static final ObjectWriter LINES = MAPPER.writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private Csv() {
    }

    /** The rows of a CSV stream, read as they are asked for. */
    public static Rows rows(Reader in) {
        try {
            return new Rows(ROWS.readValues(withoutByteOrderMark(in)));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Every row of a CSV text. */
    public static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        Rows reader = rows(new StringReader(text == null ? "" : text));
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** A writer of rows onto {@code out}, which starts with the byte-order mark and, if given, the header. */
    public static Out writer(Writer out, String... header) {
        try {
            out.write(BYTE_ORDER_MARK);
            Out csv = new Out(LINES.writeValues(out));
            if (header.length > 0) {
                csv.row((Object[]) header);
            }
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a spreadsheet shows as the text itself, never as a formula. */
    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    private static ProblemException unreadable(IOException e) {
        String where = "";
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            JsonLocation location = json.getLocation();
            where = " at line " + location.getLineNr();
        }
        String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return ProblemException.badRequest("invalid-csv", "body", "the CSV cannot be read" + where + ": " + why);
    }

    /** Rows of cells, one list per line; a quoted cell may hold commas, quotes ("") and line breaks. */
    public static final class Rows {

        private final MappingIterator<List<String>> rows;

        private Rows(MappingIterator<List<String>> rows) {
            this.rows = rows;
        }

        /** The next row's cells, or null at the end. */
        public List<String> next() {
            try {
                return rows.hasNextValue() ? rows.nextValue() : null;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
    }

    /** Rows written one at a time: text cells neutralised, numbers as they are, null as an empty cell. */
    public static final class Out {

        private final SequenceWriter lines;

        private Out(SequenceWriter lines) {
            this.lines = lines;
        }

        public Out row(Object... cells) {
            String[] line = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                line[i] = cell(cells[i]);
            }
            try {
                lines.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Writes what is buffered through to the underlying writer, which stays open. */
        public void flush() {
            try {
                lines.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String cell(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return neutralised(value.toString());
        }
    }
}
