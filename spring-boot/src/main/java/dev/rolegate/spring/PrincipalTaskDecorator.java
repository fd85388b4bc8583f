package dev.rolegate.spring;

import dev.rolegate.runtime.PrincipalContext;
import org.springframework.core.task.TaskDecorator;

/**
 * Runs each task with the binding of the thread that submitted it ({@link
 * PrincipalContext#capture()}), then restores the pool thread's own: an {@code @Async} method
 * called during a request acts as that request's principal, account and workspace, and a task
 * submitted by a thread with nothing bound runs with nobody bound. Spring Boot applies it to the
 * executors it builds (the application task executor behind {@code @Async} and Spring MVC's async
 * requests), composed with the application's own {@code TaskDecorator} beans.
 */
public final class PrincipalTaskDecorator implements TaskDecorator {
  @Override
  public Runnable decorate(Runnable runnable) {
    return PrincipalContext.capture().runnable(runnable);
  }
}
