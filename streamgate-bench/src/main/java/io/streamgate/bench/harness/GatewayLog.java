package io.streamgate.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What a gateway's log says about its run: lines logged at ERROR, and Netty's {@code LEAK:} reports of buffers that
 * were never released. Only log lines count, not the stack-trace lines under them.
 *
 * @param gateway the gateway's name in the report
 * @param logFile where the log is
 * @param errorLines ERROR lines that are not leak reports
 * @param leakLines lines with Netty's {@code LEAK:} marker
 * @param warnLines WARN lines, for context
 * @param bufferLeaks the gateway's own {@code streamgate_buffer_leaks} gauge just before it stopped, if read
 * @param firstErrors up to five of the error and leak lines, as logged
 */
public record GatewayLog(String gateway, Path logFile, int errorLines, int leakLines, int warnLines,
                         OptionalDouble bufferLeaks, List<String> firstErrors) {

    private static final int KEPT_ERRORS = 5;
    // The gateway's console pattern: "HH:mm:ss.SSS LEVEL logger message".
    private static final Pattern ERROR = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ERROR\\b.*");
    private static final Pattern WARN = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} WARN\\b.*");

    public GatewayLog {
        firstErrors = List.copyOf(firstErrors);
    }

    /** Reads the log of a stopped gateway. */
    public static GatewayLog read(String gateway, Path logFile, OptionalDouble bufferLeaks) throws IOException {
        int errors = 0;
        int leaks = 0;
        int warnings = 0;
        List<String> first = new ArrayList<>();
        for (String line : Files.readAllLines(logFile)) {
            boolean leak = line.contains("LEAK:");
            if (leak) {
                leaks++;
            } else if (ERROR.matcher(line).matches()) {
                errors++;
            } else if (WARN.matcher(line).matches()) {
                warnings++;
            }
            if ((leak || ERROR.matcher(line).matches()) && first.size() < KEPT_ERRORS) {
                first.add(line);
            }
        }
        return new GatewayLog(gateway, logFile, errors, leaks, warnings, bufferLeaks, first);
    }

    /** No error and no leak, in the log or in the gauge. */
    public boolean clean() {
        return errorLines == 0 && leakLines == 0 && (bufferLeaks.isEmpty() || bufferLeaks.getAsDouble() == 0);
    }
}
