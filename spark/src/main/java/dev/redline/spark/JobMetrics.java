package dev.redline.spark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What a job's tasks cost, from Spark's own task metrics: CPU and GC time summed over tasks, and
 * the peak JVM heap and execution memory any executor reported (executors poll their memory every
 * {@link Sessions#METRICS_POLL_MS} ms; in local mode the one executor is the driver's JVM). Printed
 * on the job's summary line, and what BENCHMARKS.md quotes as memory per executor. Thread-safe (the
 * listener bus calls it on its own thread; the summary is read at the end).
 */
final class JobMetrics extends SparkListener {
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private final LongAccumulator peakHeap = new LongAccumulator(Math::max, 0);
    private final LongAccumulator peakExecution = new LongAccumulator(Math::max, 0);

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return; // a failed task may come without metrics
        }
        tasks.incrementAndGet();
        cpuNanos.addAndGet(m.executorCpuTime());
        gcMillis.addAndGet(m.jvmGCTime());
        peakExecution.accumulate(m.peakExecutionMemory());
        ExecutorMetrics peaks = end.taskExecutorMetrics();
        if (peaks != null) {
            peakHeap.accumulate(peaks.getMetricValue("JVMHeapMemory"));
        }
    }

    /** "tasks N, task CPU X s, GC Y s, peak heap Z MB, peak execution memory W MB". */
    String summary() {
        return String.format("tasks %d, task CPU %.1f s, GC %.1f s, peak heap %d MB, peak execution memory %d MB",
                tasks.get(), cpuNanos.get() / 1e9, gcMillis.get() / 1e3, peakHeap.get() >> 20, peakExecution.get() >> 20);
    }
}
