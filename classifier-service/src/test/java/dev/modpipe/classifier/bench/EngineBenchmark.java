package dev.modpipe.classifier.bench;

import dev.modpipe.classifier.corpus.Corpus;
import dev.modpipe.classifier.corpus.LabelledPost;
import dev.modpipe.classifier.engine.Classification;
import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.classifier.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The engine alone: posts per second per thread, and the latency distribution per post (p50, p99
 * in SampleTime mode), over the corpus's posts in a fixed order. Not part of the test run; run it
 * with {@code ./mvnw -o -q -pl classifier-service test-compile} and then {@link #main}
 * (see the module README for the exact command).
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EngineBenchmark {
    private ClassificationEngine engine;
    private List<String> texts;

    @Setup(Level.Trial)
    public void load() {
        engine = ClassificationEngine.fromClasspath(EngineSettings.defaults());
        texts = Corpus.readDirectory(Path.of(System.getProperty("corpus", "corpus"))).stream()
                .map(LabelledPost::text)
                .toList();
    }

    /** One cursor per thread, so threads do not contend on it. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Classification throughputOneThread(Cursor cursor) {
        return classifyNext(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Classification throughputTwoThreads(Cursor cursor) {
        return classifyNext(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public Classification latency(Cursor cursor) {
        return classifyNext(cursor);
    }

    private Classification classifyNext(Cursor cursor) {
        String text = texts.get(cursor.next);
        cursor.next = cursor.next + 1 == texts.size() ? 0 : cursor.next + 1;
        return engine.classify(text, null);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(EngineBenchmark.class.getSimpleName())
                        .jvmArgsAppend("-Dcorpus=" + System.getProperty("corpus", "corpus"))
                        .build())
                .run();
    }
}
