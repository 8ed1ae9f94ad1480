package vn.commops.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What ExportFiles cannot say once a cell is text: whether the sheet holds it as a number. */
public final class XlsxCells {

    private XlsxCells() {
    }

    public static CellType type(byte[] xlsx, int row, int column) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheetAt(0).getRow(row).getCell(column).getCellType();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
