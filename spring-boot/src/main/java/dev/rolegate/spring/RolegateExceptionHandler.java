package dev.rolegate.spring;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.runtime.internal.Names;
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
 * (operation, permissions, account, workspace), never from its message: no principal id, no
 * argument values, no stack trace. The account and workspace ids a caller named are shown escaped
 * by the runtime's name rule.
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

  /** Returns 403 naming the operation, the permission(s) it requires, the account and workspace. */
  @ExceptionHandler(AccessDeniedException.class)
  public ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    String workspace = e.workspace() == null ? null : Names.escaped(e.workspace());
    String account = e.account() == null ? null : Names.escaped(e.account());
    String required = e.operation() + " requires " + String.join(", ", e.permissions());
    String detail;
    if (workspace != null) {
      detail =
          required
              + " in workspace "
              + workspace
              + (account == null ? "" : " of account " + account)
              + ", which the caller does not hold there";
    } else if (account != null) {
      detail = required + " in account " + account + ", which the caller does not hold there";
    } else {
      detail =
          required
              + ", which the caller does not hold (the call named no workspace and no account)";
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    problem.setType(Problems.ACCESS_DENIED);
    problem.setTitle("Access denied");
    problem.setProperty("operation", e.operation());
    problem.setProperty("permissions", e.permissions());
    problem.setProperty("account", account);
    problem.setProperty("workspace", workspace);
    return respond(HttpStatus.FORBIDDEN, problem);
  }

  private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
