package dev.modpipe.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The base of a test class of the whole system: a pipeline of its own for all of its tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineTest {
    Pipeline pipeline;

    @BeforeAll
    void startPipeline() {
        pipeline = Pipeline.start("60s");
    }

    @AfterAll
    void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
