package io.streamgate.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code streamgate-bench micro [JMH options]}: runs JMH's own command line with every argument passed through; it
 * finds the benchmarks of {@code io.streamgate.bench.micro} in the class path's {@code META-INF/BenchmarkList}.
 * Try {@code micro -h} for JMH's options, {@code micro -l} for the benchmarks.
 */
@Command(name = "micro", description = "Runs the JMH micro-benchmarks; every argument goes to JMH (try: micro -h).")
final class MicroCommand implements Callable<Integer> {

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (MicroCommand.class.getResource("/META-INF/BenchmarkList") == null) {
            System.err.println("streamgate-bench micro: no JMH benchmarks on the class path (no META-INF/BenchmarkList)");
            return 1;
        }
        org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
        return 0;
    }
}
