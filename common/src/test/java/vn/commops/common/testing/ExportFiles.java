package vn.commops.common.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.commops.common.csv.Csv;

/** Reads an exported file back as rows of text, the header first, as a spreadsheet user would see it. */
public final class ExportFiles {

    private ExportFiles() {
    }

    public static List<List<String>> csv(byte[] file) {
        List<List<String>> rows = new ArrayList<>();
        Csv.Rows reader = Csv.rows(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** The first sheet; a numeric cell as its plain decimal ({@code 35}, {@code 22.2385}). */
    public static List<List<String>> xlsx(byte[] file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    cells.add(text(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a cell of the first sheet holds a formula: an export must never make one. */
    public static boolean xlsxHasFormula(byte[] file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column of a header row, or a failure naming what is there. */
    public static int column(List<List<String>> rows, String header) {
        int index = rows.get(0).indexOf(header);
        if (index < 0) {
            throw new AssertionError("no column " + header + " in " + rows.get(0));
        }
        return index;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> cell.getStringCellValue();
        };
    }
}
