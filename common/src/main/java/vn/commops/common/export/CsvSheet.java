package vn.commops.common.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import vn.commops.common.csv.Csv;

/** CSV through the platform's one writer: byte-order mark, CRLF, formula-leading text neutralised. */
final class CsvSheet implements Sheet {

    @Override
    public void write(OutputStream out, String[] headers, Rows rows) throws IOException {
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Csv.Out csv = Csv.writer(text, headers);
        rows.into(new Sink() {
            @Override
            public void row(Object[] cells) {
                csv.row(cells);
            }

            @Override
            public void flush() throws IOException {
                csv.flush();
                text.flush();
            }
        });
        csv.flush();
        text.flush();
    }
}
