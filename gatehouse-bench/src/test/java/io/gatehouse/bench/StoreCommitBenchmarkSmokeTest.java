package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The commit benchmark's operation stores every event of each batch, so its numbers measure real commits. */
class StoreCommitBenchmarkSmokeTest {

    @Test
    void eachOperationDurablyStoresANewBatch() throws Exception {
        StoreCommitBenchmark bench = new StoreCommitBenchmark();
        bench.batch = 10;
        bench.imageBytes = 500;
        bench.open();
        try {
            for (int round = 0; round < 3; round++) {
                bench.nextBatch();
                assertThat(bench.appendBatchDurably()).isEqualTo(10);
            }
        } finally {
            bench.close();
        }
    }
}
