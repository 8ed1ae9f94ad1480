package vn.commops.common.export;

import java.io.IOException;
import java.io.OutputStream;

/** A file format that writes rows to the client as they are read, never holding the whole file. */
interface Sheet {

    /** Writes the header, then every row {@code rows} hands over, then ends the file. */
    void write(OutputStream out, String[] headers, Rows rows) throws IOException;

    /** The rows of an export, pushed one at a time into a sink. */
    @FunctionalInterface
    interface Rows {
        void into(Sink sink) throws IOException;
    }

    interface Sink {
        void row(Object[] cells) throws IOException;

        /** A good moment to push what is buffered on to the client. */
        void flush() throws IOException;
    }
}
