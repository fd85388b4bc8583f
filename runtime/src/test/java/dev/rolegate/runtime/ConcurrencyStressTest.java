package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Four threads of work, each as its own principal (a different role in the same workspace), through
 * shared requirements, the shared {@link CurrentPrincipal} and a shared propagating pool: no
 * decision is ever made for the wrong principal. Bounded in iterations and in time.
 */
class ConcurrencyStressTest {
  private static final int ITERATIONS = 20_000;
  private static final int CHUNKS = 40;
  private static final String WS = "ws-shared";
  private static final String OP = "ThingService.stress";

  /** Shared guards: each principal below has a distinct pattern of outcomes over them. */
  private static final Requirement[] REQUIREMENTS = {
    Requirement.allOf(permission(VIEW_X)),
    Requirement.allOf(permission(EDIT_X)),
    Requirement.allOf(permission(VIEW_SECRETS)),
    Requirement.anyOf(permission(DELETE_X), permission(VIEW_SECRETS)),
  };

  private record Worker(Principal principal, boolean[] expected) {}

  private static final Worker[] WORKERS = {
    new Worker(user("nobody").build(), new boolean[] {false, false, false, false}),
    new Worker(
        user("viewer").workspaceRole(WS, VIEWER).build(),
        new boolean[] {true, false, false, false}),
    new Worker(
        serviceAccount("developer").workspaceRole(WS, DEVELOPER).build(),
        new boolean[] {true, true, false, true}),
    new Worker(
        user("owner").workspaceRole(WS, OWNER).build(), new boolean[] {true, true, true, true}),
  };

  /**
   * The principal id each thread expects decisions for right now; the listener compares with it.
   */
  private static final ThreadLocal<String> EXPECTED = new ThreadLocal<>();

  private final AtomicInteger mismatches = new AtomicInteger();
  private final AtomicReference<String> firstMismatch = new AtomicReference<>();
  private final AtomicLong decisionsSeen = new AtomicLong();

  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  private void mismatch(String what) {
    mismatches.incrementAndGet();
    firstMismatch.compareAndSet(null, what);
  }

  /** Runs {@code count} iterations as {@code worker}, whose principal must be bound already. */
  private void hammer(Worker worker, int count, AtomicLong done) {
    String id = worker.principal().id();
    EXPECTED.set(id);
    try {
      for (int i = 0; i < count; i++) {
        Principal observed = CurrentPrincipal.source().current();
        if (observed != worker.principal()
            || CurrentPrincipal.get().orElse(null) != worker.principal()) {
          mismatch(id + " observed " + observed);
        }
        for (int r = 0; r < REQUIREMENTS.length; r++) {
          boolean allowed;
          try {
            REQUIREMENTS[r].check(CurrentPrincipal.source(), WS, OP);
            allowed = true;
          } catch (AccessDeniedException denied) {
            allowed = false;
            if (!id.equals(denied.principalId())) {
              mismatch(id + " denied as " + denied.principalId());
            }
          }
          if (allowed != worker.expected()[r]) {
            mismatch(id + " got " + allowed + " for " + REQUIREMENTS[r]);
          }
        }
        done.incrementAndGet();
      }
    } catch (RuntimeException unexpected) {
      mismatch(id + " failed: " + unexpected);
    } finally {
      EXPECTED.remove();
    }
  }

  @Test
  void fourPrincipals_sharedGuardsAndPool_noDecisionForTheWrongPrincipal() {
    Decisions.setListener(
        decision -> {
          decisionsSeen.incrementAndGet();
          if (!Objects.equals(EXPECTED.get(), decision.principalId())) {
            mismatch(
                "listener saw "
                    + decision.principalId()
                    + " on a thread working for "
                    + EXPECTED.get());
          }
        });
    AtomicLong[] done = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
    ExecutorService raw = Executors.newFixedThreadPool(2);
    ExecutorService pool = CurrentPrincipal.propagating(raw);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            // Workers 0 and 1 run on their own caller threads, bound directly.
            for (int w = 0; w < 2; w++) {
              Worker worker = WORKERS[w];
              AtomicLong count = done[w];
              work.add(
                  callers.submit(
                      () -> {
                        start.await();
                        try (PrincipalScope scope = CurrentPrincipal.bind(worker.principal())) {
                          hammer(worker, ITERATIONS, count);
                        }
                        return null;
                      }));
            }
            // Workers 2 and 3 run on the shared pool of 2, interleaved chunk by chunk, so each
            // pooled
            // thread keeps switching principals; each chunk carries its submitter's binding.
            for (int c = 0; c < CHUNKS; c++) {
              for (int w = 2; w < 4; w++) {
                Worker worker = WORKERS[w];
                AtomicLong count = done[w];
                try (PrincipalScope scope = CurrentPrincipal.bind(worker.principal())) {
                  work.add(
                      pool.submit(
                          () -> {
                            start.await();
                            hammer(worker, ITERATIONS / CHUNKS, count);
                            return null;
                          }));
                }
              }
            }
            start.countDown();
            for (Future<?> future : work) {
              future.get(30, TimeUnit.SECONDS);
            }
            // Afterwards, neither pooled thread keeps a principal.
            for (int i = 0; i < 4; i++) {
              Principal left =
                  raw.submit(() -> CurrentPrincipal.source().current()).get(5, TimeUnit.SECONDS);
              assertNull(left, "a pooled thread kept a principal");
            }
          });
    } finally {
      pool.shutdownNow();
      callers.shutdownNow();
    }
    assertEquals(0, mismatches.get(), () -> "first mismatch: " + firstMismatch.get());
    for (int w = 0; w < WORKERS.length; w++) {
      assertEquals(ITERATIONS, done[w].get(), "iterations run by " + WORKERS[w].principal());
    }
    assertEquals((long) ITERATIONS * WORKERS.length * REQUIREMENTS.length, decisionsSeen.get());
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void workers_haveDistinctOutcomes_soAWrongPrincipalWouldShow() {
    for (int a = 0; a < WORKERS.length; a++) {
      for (int b = a + 1; b < WORKERS.length; b++) {
        assertFalse(java.util.Arrays.equals(WORKERS[a].expected(), WORKERS[b].expected()));
      }
      for (int r = 0; r < REQUIREMENTS.length; r++) {
        Worker worker = WORKERS[a];
        boolean allowed = true;
        try {
          REQUIREMENTS[r].check(worker::principal, WS, OP);
        } catch (AccessDeniedException denied) {
          allowed = false;
        }
        assertEquals(worker.expected()[r], allowed, worker.principal() + " " + REQUIREMENTS[r]);
      }
    }
  }
}
