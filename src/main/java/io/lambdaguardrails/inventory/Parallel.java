package io.lambdaguardrails.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs small blocking tasks on virtual threads and collects their results in input order. An interrupt (the
 * account's deadline) cancels what is still running and propagates, so nothing outlives its account.
 */
public final class Parallel {

    private Parallel() {
    }

    public static <T, R> List<R> map(List<T> items, Function<T, R> task) {
        if (items.size() <= 1) {
            return items.stream().map(task).toList();
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(executor.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(await(future, futures));
            }
            return results;
        }
    }

    private static <R> R await(Future<R> future, List<? extends Future<?>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancelledCollection();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Thrown when a collection is abandoned at its deadline. */
    public static final class CancelledCollection extends RuntimeException {
        public CancelledCollection() {
            super("collection abandoned at the deadline", null, false, false);
        }
    }
}
