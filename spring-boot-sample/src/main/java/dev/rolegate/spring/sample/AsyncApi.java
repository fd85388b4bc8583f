package dev.rolegate.spring.sample;

import dev.rolegate.runtime.CurrentPrincipal;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The block list of the path's workspace, answered asynchronously in each of Spring MVC's ways.
 * What Spring MVC runs for the request ({@code Callable}, {@code WebAsyncTask}, also on an executor
 * of the application's, {@code StreamingResponseBody}) and {@code @Async} methods carry the
 * request's binding by themselves; work the application hands to its own threads ({@code
 * DeferredResult}, {@code CompletableFuture}, {@code SseEmitter}) carries it only through {@link
 * CurrentPrincipal#propagating(ExecutorService)}: on the bare pool a guarded call runs as nobody.
 */
@RestController
@RequestMapping("/api/accounts/{account}/workspaces/{workspace}/async")
public class AsyncApi {
  private final Blocks blocks;
  private final AsyncBlocks asyncBlocks;
  private final ExecutorService pool = Executors.newFixedThreadPool(1);
  private final ExecutorService propagating = CurrentPrincipal.propagating(pool);
  private final AtomicInteger listed = new AtomicInteger();

  /** Creates the API over the (guarded) services. */
  public AsyncApi(Blocks blocks, AsyncBlocks asyncBlocks) {
    this.blocks = blocks;
    this.asyncBlocks = asyncBlocks;
  }

  @GetMapping("/callable")
  Callable<List<String>> callable() {
    return this::names;
  }

  @GetMapping("/web-async-task")
  WebAsyncTask<List<String>> webAsyncTask() {
    return new WebAsyncTask<>(10_000L, this::names);
  }

  /** On the application's bare pool: Spring MVC still carries the binding into the task. */
  @GetMapping("/web-async-task-own-executor")
  WebAsyncTask<List<String>> webAsyncTaskOwnExecutor() {
    return new WebAsyncTask<>(10_000L, new TaskExecutorAdapter(pool), this::names);
  }

  @GetMapping("/deferred")
  DeferredResult<List<String>> deferred() {
    DeferredResult<List<String>> result = new DeferredResult<>(10_000L);
    propagating.execute(
        () -> {
          try {
            result.setResult(names());
          } catch (RuntimeException e) {
            result.setErrorResult(e);
          }
        });
    return result;
  }

  @GetMapping("/future")
  CompletableFuture<List<String>> future() {
    return CompletableFuture.supplyAsync(this::names, propagating);
  }

  /** The same on the bare pool: the application did not carry the binding, so nobody is bound. */
  @GetMapping("/future-unpropagated")
  CompletableFuture<List<String>> futureUnpropagated() {
    return CompletableFuture.supplyAsync(this::names, pool);
  }

  @GetMapping("/streaming")
  StreamingResponseBody streaming() {
    return out -> out.write(String.join(",", names()).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping(path = "/sse", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter sse() {
    SseEmitter emitter = new SseEmitter(10_000L);
    propagating.execute(
        () -> {
          try {
            emitter.send(String.join(",", names()));
            emitter.complete();
          } catch (Exception e) {
            emitter.completeWithError(e);
          }
        });
    return emitter;
  }

  @GetMapping("/service")
  CompletableFuture<List<String>> service() {
    return asyncBlocks.names();
  }

  /** How many times a block list was read (past the guard) by this API's async work. */
  int listed() {
    return listed.get();
  }

  /** The application's own pool, bare (for tests: what a pooled thread carries afterwards). */
  ExecutorService pool() {
    return pool;
  }

  @PreDestroy
  void shutdown() {
    pool.shutdownNow();
  }

  private List<String> names() {
    List<String> names = blocks.names();
    listed.incrementAndGet();
    return names;
  }
}
