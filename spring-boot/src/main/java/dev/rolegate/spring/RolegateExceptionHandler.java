package dev.rolegate.spring;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.UnauthenticatedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@link UnauthenticatedException} with HTTP 401 and {@link AccessDeniedException} with
 * HTTP 403, each an {@code application/problem+json} body built from the exception's accessors
 * (operation, permissions, workspace), never from its message: no principal id, no argument values,
 * no stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RolegateExceptionHandler {
  /** Returns 401 naming the operation that needs a principal. */
  @ExceptionHandler(UnauthenticatedException.class)
  public ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "authentication is required to call " + e.operation());
    problem.setType(Problems.UNAUTHENTICATED);
    problem.setTitle("Unauthenticated");
    problem.setProperty("operation", e.operation());
    return respond(HttpStatus.UNAUTHORIZED, problem);
  }

  /** Returns 403 naming the operation, the permission(s) it requires and the workspace. */
  @ExceptionHandler(AccessDeniedException.class)
  public ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    String required = e.operation() + " requires " + String.join(", ", e.permissions());
    String detail =
        e.workspace() == null
            ? required + ", which the caller does not hold (the call named no workspace)"
            : required
                + " in workspace "
                + e.workspace()
                + ", which the caller does not hold there";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    problem.setType(Problems.ACCESS_DENIED);
    problem.setTitle("Access denied");
    problem.setProperty("operation", e.operation());
    problem.setProperty("permissions", e.permissions());
    problem.setProperty("workspace", e.workspace());
    return respond(HttpStatus.FORBIDDEN, problem);
  }

  private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
