package dev.herald.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same call many times at once, as impatient or eager clients do. */
public final class Concurrently {
  private Concurrently() {}

  public static <T> List<T> times(int count, int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> result : pool.invokeAll(Collections.nCopies(count, call))) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
