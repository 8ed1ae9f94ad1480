package vn.commops.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A process's memory watched from outside while something runs in it: its heap's old generation and
 * whole heap by {@code jstat -gc} every 200 ms (nothing allocated in the process to ask), and its
 * resident set from /proc. The old generation is what an export that kept its rows would grow: what
 * survives young collections ends up there, while garbage made and dropped row by row does not.
 */
final class ProcessMemory implements AutoCloseable {

    private final long pid;
    private final Process jstat;
    private final Thread reader;
    private volatile long oldAtStartKb = -1;
    private volatile long oldPeakKb;
    private volatile long heapPeakKb;
    private volatile long rssPeakKb;
    private final long rssAtStartKb;

    private ProcessMemory(long pid) throws IOException {
        this.pid = pid;
        this.rssAtStartKb = rssKb();
        this.jstat = new ProcessBuilder(Platform.jdkTool("jstat"), "-gc", Long.toString(pid), "200")
                .redirectErrorStream(true).start();
        this.reader = new Thread(this::read, "jstat-" + pid);
        reader.setDaemon(true);
        reader.start();
    }

    static ProcessMemory watch(long pid) throws IOException, InterruptedException {
        ProcessMemory memory = new ProcessMemory(pid);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (memory.oldAtStartKb < 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return memory;
    }

    /** Growth of the old generation over its level when watching began, at its highest, in MB. */
    double oldGrowthMb() {
        return (oldPeakKb - oldAtStartKb) / 1024.0;
    }

    double heapPeakMb() {
        return heapPeakKb / 1024.0;
    }

    double rssAtStartMb() {
        return rssAtStartKb / 1024.0;
    }

    double rssPeakMb() {
        return rssPeakKb / 1024.0;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.US_ASCII))) {
            List<String> header = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> cells = Arrays.asList(line.strip().split("\\s+"));
                if (cells.contains("OU")) {
                    header = cells;
                    continue;
                }
                if (header == null || cells.size() != header.size()) {
                    continue;
                }
                long old = kb(cells, header, "OU");
                long heap = old + kb(cells, header, "EU") + kb(cells, header, "S0U") + kb(cells, header, "S1U");
                if (oldAtStartKb < 0) {
                    oldAtStartKb = old;
                }
                oldPeakKb = Math.max(oldPeakKb, old);
                heapPeakKb = Math.max(heapPeakKb, heap);
                rssPeakKb = Math.max(rssPeakKb, rssKb());
            }
        } catch (IOException | RuntimeException stopped) {
            // jstat ends when the watch is closed
        }
    }

    private static long kb(List<String> cells, List<String> header, String column) {
        return (long) Double.parseDouble(cells.get(header.indexOf(column)));
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        Thread.sleep(400); // one more sample after the work ended
        jstat.destroy();
        reader.join(2000);
    }
}
