package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingQueueTest {

    @Test
    void aFullQueueRefusesAtOnceInsteadOfPilingUp() throws Exception {
        try (HashingQueue queue = new HashingQueue(1, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> queue.run(() -> {
                running.countDown();
                await(release);
                return "first";
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> queued1 = CompletableFuture.supplyAsync(() -> queue.run(() -> "second"));
            CompletableFuture<String> queued2 = CompletableFuture.supplyAsync(() -> queue.run(() -> "third"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (queue.waiting() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(queue.waiting()).as("both tasks wait behind the first").isEqualTo(2);
            long started = System.nanoTime();
            assertThatThrownBy(() -> queue.run(() -> "fourth")).isInstanceOf(HashingQueue.Busy.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
            release.countDown();
            assertThat(busy.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(queued1.get(5, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(queued2.get(5, TimeUnit.SECONDS)).isEqualTo("third");
            assertThat(queue.run(() -> "later")).isEqualTo("later");
        }
    }

    @Test
    void atMostThreadsPlusCapacityLoginsAreAdmittedAtOnce() {
        try (HashingQueue queue = new HashingQueue(1, 2)) {
            HashingQueue.Permit first = queue.admit();
            HashingQueue.Permit second = queue.admit();
            HashingQueue.Permit third = queue.admit();
            assertThatThrownBy(queue::admit).isInstanceOf(HashingQueue.Busy.class);
            second.close();
            second.close(); // closing twice frees one place only
            HashingQueue.Permit fourth = queue.admit();
            assertThatThrownBy(queue::admit).isInstanceOf(HashingQueue.Busy.class);
            first.close();
            third.close();
            fourth.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
