package dev.rolegate.spring.sample;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * {@link Blocks} called from {@code @Async} methods: they run on Spring Boot's application task
 * executor, with the calling request's binding (the starter's task decorator carries it).
 */
@Service
public class AsyncBlocks {
  private final Blocks blocks;

  /** Creates the service over the (guarded) blocks. */
  public AsyncBlocks(Blocks blocks) {
    this.blocks = blocks;
  }

  /** Lists the block names of the bound workspace, on another thread. */
  @Async
  public CompletableFuture<List<String>> names() {
    return CompletableFuture.completedFuture(blocks.names());
  }
}
