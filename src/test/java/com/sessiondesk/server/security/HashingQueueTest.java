package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.server.security.HashingQueue.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HashingQueueTest {

    @Test
    void aFullLaneRefusesAtOnceInsteadOfPilingUp() throws Exception {
        try (HashingQueue queue = new HashingQueue(1, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            HashingQueue.Permit first = queue.admit(Lane.OPEN);
            CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> first.run(() -> {
                running.countDown();
                await(release);
                return "first";
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            HashingQueue.Permit second = queue.admit(Lane.OPEN);
            HashingQueue.Permit third = queue.admit(Lane.OPEN);
            CompletableFuture<String> queued1 = CompletableFuture.supplyAsync(() -> second.run(() -> "second"));
            CompletableFuture<String> queued2 = CompletableFuture.supplyAsync(() -> third.run(() -> "third"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (queue.depth() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(queue.depth()).as("both tasks wait behind the first").isEqualTo(2);
            assertThatThrownBy(() -> queue.admit(Lane.OPEN)).isInstanceOf(HashingQueue.Busy.class);
            release.countDown();
            assertThat(busy.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(queued1.get(5, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(queued2.get(5, TimeUnit.SECONDS)).isEqualTo("third");
            first.close();
            second.close();
            third.close();
            try (HashingQueue.Permit later = queue.admit(Lane.OPEN)) {
                assertThat(later.run(() -> "later")).isEqualTo("later");
            }
        }
    }

    @Test
    void atMostThreadsPlusCapacityLoginsAreAdmittedAtOnce() {
        try (HashingQueue queue = new HashingQueue(1, 2)) {
            HashingQueue.Permit first = queue.admit(Lane.OPEN);
            HashingQueue.Permit second = queue.admit(Lane.OPEN);
            HashingQueue.Permit third = queue.admit(Lane.OPEN);
            assertThatThrownBy(() -> queue.admit(Lane.OPEN)).isInstanceOf(HashingQueue.Busy.class);
            second.close();
            second.close(); // closing twice frees one place only
            HashingQueue.Permit fourth = queue.admit(Lane.OPEN);
            assertThatThrownBy(() -> queue.admit(Lane.OPEN)).isInstanceOf(HashingQueue.Busy.class);
            assertThat(queue.inProgress(Lane.OPEN)).isEqualTo(3);
            first.close();
            third.close();
            fourth.close();
            assertThat(queue.inProgress(Lane.OPEN)).isZero();
        }
    }

    /** A full open lane whose thread is stuck does not delay a ticket holder or the admin. */
    @Test
    void theTrustedLanesRunWhileTheOpenLaneIsFullAndBusy() throws Exception {
        try (HashingQueue queue = new HashingQueue(1, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            List<HashingQueue.Permit> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HashingQueue.Permit permit = queue.admit(Lane.OPEN);
                open.add(permit);
                CompletableFuture.runAsync(() -> permit.run(() -> await(release)));
            }
            assertThatThrownBy(() -> queue.admit(Lane.OPEN)).isInstanceOf(HashingQueue.Busy.class);
            for (Lane lane : List.of(Lane.DEVICE, Lane.ADMIN)) {
                try (HashingQueue.Permit permit = queue.admit(lane)) {
                    assertThat(CompletableFuture.supplyAsync(() -> permit.run(() -> lane.name()))
                            .get(5, TimeUnit.SECONDS)).isEqualTo(lane.name());
                }
            }
            release.countDown();
            open.forEach(HashingQueue.Permit::close);
        }
    }

    @Test
    void eachTrustedLaneHasItsOwnPlacesAndTheThreadsBoundTheMemory() {
        try (HashingQueue queue = new HashingQueue(2, 4)) {
            List<HashingQueue.Permit> device = new ArrayList<>();
            for (int i = 0; i < HashingQueue.TRUSTED_PLACES; i++) {
                device.add(queue.admit(Lane.DEVICE));
            }
            assertThatThrownBy(() -> queue.admit(Lane.DEVICE)).isInstanceOf(HashingQueue.Busy.class);
            queue.admit(Lane.ADMIN).close();
            device.forEach(HashingQueue.Permit::close);
            assertThat(queue.threads()).as("2 open + 1 device + 1 admin").isEqualTo(4);
        }
    }

    private static Object await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Test
    void forThisMachineHasHalfTheCoresOnTheOpenLanePlusOneThreadPerTrustedLane() {
        int open = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        try (HashingQueue queue = HashingQueue.forThisMachine()) {
            assertThat(queue.threads()).isEqualTo(open + 2);
            List<HashingQueue.Permit> permits = new ArrayList<>();
            for (int i = 0; i < open + 16 * open; i++) {
                permits.add(queue.admit(Lane.OPEN));
            }
            assertThatThrownBy(() -> queue.admit(Lane.OPEN)).isInstanceOf(HashingQueue.Busy.class);
            permits.forEach(HashingQueue.Permit::close);
        }
    }

    @Test
    void workRunsOnADaemonThreadOfItsLane() throws Exception {
        // A new thread inherits the daemon flag of the thread that starts it: start the lane's from a non-daemon one.
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        try (HashingQueue queue = new HashingQueue(1, 1); HashingQueue.Permit permit = queue.admit(Lane.ADMIN)) {
            Thread caller = new Thread(() -> ran.complete(permit.run(Thread::currentThread)));
            caller.setDaemon(false);
            caller.start();
            caller.join();
            Thread thread = ran.get(0, TimeUnit.SECONDS);
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).startsWith("sessiondesk-hash-admin-");
        }
    }

    @Test
    void aRuntimeExceptionOfTheWorkReachesTheCallerAsItIs() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad hash");
        try (HashingQueue queue = new HashingQueue(1, 1); HashingQueue.Permit permit = queue.admit(Lane.OPEN)) {
            assertThatThrownBy(() -> permit.run(() -> {
                throw thrown;
            })).isSameAs(thrown);
        }
    }

    @Test
    void aCheckedExceptionOfTheWorkIsWrapped() {
        Exception checked = new java.io.IOException("disk");
        try (HashingQueue queue = new HashingQueue(1, 1); HashingQueue.Permit permit = queue.admit(Lane.OPEN)) {
            assertThatThrownBy(() -> permit.run(sneaky(checked)))
                    .isInstanceOf(IllegalStateException.class).hasCause(checked);
        }
    }

    @Test
    void anInterruptedCallerGetsBusyAndKeepsItsInterruptFlag() {
        try (HashingQueue queue = new HashingQueue(1, 1); HashingQueue.Permit permit = queue.admit(Lane.OPEN)) {
            // work that cannot finish before the caller waits for it: only the interrupt ends the wait
            CountDownLatch never = new CountDownLatch(1);
            Supplier<String> hash = () -> {
                try {
                    never.await();
                } catch (InterruptedException cancelled) {
                    Thread.currentThread().interrupt();
                }
                return "hash";
            };
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> permit.run(hash)).isInstanceOf(HashingQueue.Busy.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aClosedQueueRunsNothingMore() {
        HashingQueue queue = new HashingQueue(1, 1);
        HashingQueue.Permit permit = queue.admit(Lane.DEVICE);
        queue.close();
        assertThatThrownBy(() -> permit.run(() -> "hash")).isInstanceOf(RejectedExecutionException.class);
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Exception> Supplier<T> sneaky(Exception e) throws E {
        return () -> {
            throw HashingQueueTest.<RuntimeException>asUnchecked(e);
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E asUnchecked(Exception e) throws E {
        throw (E) e;
    }
}
