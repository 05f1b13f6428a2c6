package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ClientTimerTest {

    private static final long MS = 1_000_000L;

    @Test
    void runsTasksInDueOrderNotInScheduleOrder() throws Exception {
        ClientTimer timer = new ClientTimer("test-timer");
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        try {
            timer.schedule(() -> { ran.add("late"); done.countDown(); }, 300 * MS);
            timer.schedule(() -> { ran.add("middle"); done.countDown(); }, 150 * MS);
            timer.schedule(() -> { ran.add("now"); done.countDown(); }, 0); // wakes the sleeping thread
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("now", "middle", "late");
        } finally {
            timer.close();
        }
    }

    @Test
    void aTaskRunsNoEarlierThanItsDelay() throws Exception {
        ClientTimer timer = new ClientTimer("test-timer");
        CountDownLatch ran = new CountDownLatch(1);
        long[] at = new long[1];
        try {
            long start = System.nanoTime();
            timer.schedule(() -> { at[0] = System.nanoTime(); ran.countDown(); }, 200 * MS);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(at[0] - start).isGreaterThanOrEqualTo(200 * MS);
        } finally {
            timer.close();
        }
    }

    @Test
    void aCancelledTaskNeverRunsAndLeavesNothingBehind() throws Exception {
        ClientTimer timer = new ClientTimer("test-timer");
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch after = new CountDownLatch(1);
        try {
            ClientTimer.Task cancelled = timer.schedule(() -> ran.add("cancelled"), 50 * MS);
            cancelled.cancel();
            timer.schedule(() -> { ran.add("after"); after.countDown(); }, 150 * MS);
            assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("after");
        } finally {
            timer.close();
        }
    }

    @Test
    void aThrowingTaskDoesNotStopTheTimer() throws Exception {
        ClientTimer timer = new ClientTimer("test-timer");
        CountDownLatch second = new CountDownLatch(1);
        try {
            timer.schedule(() -> { throw new IllegalStateException("boom (expected by the test)"); }, 0);
            timer.schedule(second::countDown, 20 * MS);
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            timer.close();
        }
    }

    @Test
    void closeDropsPendingTasksRefusesNewOnesAndEndsTheThread() throws Exception {
        ClientTimer timer = new ClientTimer("test-timer-close");
        List<String> ran = new CopyOnWriteArrayList<>();
        timer.schedule(() -> ran.add("pending"), 100 * MS);
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("test-timer-close")).findFirst().orElseThrow();
        assertThat(thread.isDaemon()).as("never keeps the JVM alive").isTrue();
        timer.close();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(timer.schedule(() -> ran.add("late"), 0)).isNull();
        assertThat(ran).isEmpty();
    }
}
