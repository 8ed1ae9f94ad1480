package vn.commops.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import vn.commops.common.csv.Csv;

/**
 * XLSX by POI's deferred streaming workbook: the sheet's rows are made while the zip is being
 * written to the client, a window of rows at a time, so neither memory nor a temporary file holds
 * the sheet and the first bytes leave at once (a proxy's idle timeout never sees a silent minute).
 * Strings are inline, so no shared-strings table grows with the rows. Numbers are numeric cells;
 * text cells are never formulas, and formula-leading text is neutralised as in CSV all the same, so
 * a sheet saved again as CSV by a spreadsheet program stays harmless and both formats read alike.
 * Times are ISO-8601 text with their offset, which a spreadsheet date would drop. This is the only
 * class that touches POI, so its classes load on the first XLSX export, not at startup.
 */
final class XlsxSheet implements Sheet {

    /** Excel's limit of rows per sheet, the header included; beyond it a workbook does not open. */
    static final int MAX_ROWS = 1_048_576;

    private final String sheetName;
    private final int rowWindow;

    XlsxSheet(String sheetName, int rowWindow) {
        this.sheetName = sheetName;
        this.rowWindow = rowWindow;
    }

    @Override
    public void write(OutputStream out, String[] headers, Rows rows) throws IOException {
        DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(rowWindow);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            DeferredSXSSFSheet sheet = workbook.createSheet(sheetName);
            sheet.createFreezePane(0, 1);
            sheet.setRowGenerator(generated -> generate(generated, headers, bold, rows));
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static void generate(SXSSFSheet sheet, String[] headers, CellStyle bold, Rows rows) throws IOException {
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(bold);
        }
        int[] next = {1};
        rows.into(new Sink() {
            @Override
            public void row(Object[] cells) {
                if (next[0] >= MAX_ROWS) {
                    throw new TooManyRows();
                }
                fill(sheet.createRow(next[0]++), cells);
            }

            @Override
            public void flush() {
                // The workbook hands rows beyond its window on to the zip by itself.
            }
        });
    }

    private static void fill(Row row, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal decimal) {
                cell.setCellValue(decimal.doubleValue());
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else if (value instanceof TemporalAccessor) {
                cell.setCellValue(value.toString());
            } else {
                cell.setCellValue(Csv.neutralised(value.toString()));
            }
        }
    }

    /** The sheet is full; the file ends there and the error is logged (the status line has long gone out). */
    static final class TooManyRows extends UncheckedIOException {
        TooManyRows() {
            super(new IOException("An XLSX sheet holds at most " + (MAX_ROWS - 1)
                    + " rows; narrow the filters or export CSV"));
        }
    }
}
