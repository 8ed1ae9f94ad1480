package vn.commops.common.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.common.problem.ProblemException;

class CsvTest {

    @Test
    void readsQuotedCellsAcrossLinesAndSkipsTheByteOrderMarkAndEmptyLines() {
        String text = "\uFEFFcode,name\r\nLC,\"Lào Cai, tỉnh\"\r\n\r\nHN,\"Hà \"\"Nội\"\"\nthủ đô\"\nX,\n";
        assertEquals(List.of(List.of("code", "name"), List.of("LC", "Lào Cai, tỉnh"),
                List.of("HN", "Hà \"Nội\"\nthủ đô"), List.of("X", "")), Csv.rows(text));
    }

    @Test
    void streamsRowsOneAtATime() {
        Csv.Rows rows = Csv.rows(new StringReader("a,b\n1,2\n"));
        assertEquals(List.of("a", "b"), rows.next());
        assertEquals(List.of("1", "2"), rows.next());
        assertNull(rows.next());
    }

    @Test
    void aMalformedFileIsABadRequestNamingTheLine() {
        ProblemException refused = assertThrows(ProblemException.class, () -> Csv.rows("a,b\n1,\"open\n2,3"));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("line"), refused.getMessage());
    }

    @Test
    void writesAByteOrderMarkCrlfLinesAndQuotesWhereNeeded() {
        StringWriter out = new StringWriter();
        Csv.writer(out, "code", "name", "value").row("LC", "Lào Cai, tỉnh", new BigDecimal("1.50"))
                .row("HN", "Hà \"Nội\"", null).row("DB", "Điện Biên", 3).flush();
        assertEquals("\uFEFFcode,name,value\r\nLC,\"Lào Cai, tỉnh\",1.50\r\nHN,\"Hà \"\"Nội\"\"\",\r\nDB,Điện Biên,3\r\n",
                out.toString());
    }

    @Test
    void textASpreadsheetWouldRunIsNeutralisedAndNumbersAreNot() {
        StringWriter out = new StringWriter();
        Csv.writer(out).row("=HYPERLINK(\"http://x\")", "+1", "-SUM(A1)", "@cmd", "\tx", -5, -2.5, "a=b").flush();
        List<String> row = Csv.rows(out.toString()).get(0);
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'+1", "'-SUM(A1)", "'@cmd", "'\tx", "-5", "-2.5", "a=b"), row);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        StringWriter out = new StringWriter();
        Csv.writer(out, "a", "b").row("x,y", "line\nbreak").row("", "\"quoted\"").flush();
        assertEquals(List.of(List.of("a", "b"), List.of("x,y", "line\nbreak"), List.of("", "\"quoted\"")),
                Csv.rows(out.toString()));
    }
}
