package dev.rolegate.spring;

import dev.rolegate.jdbc.MembershipException;
import java.net.URI;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link MembershipException} (a membership change or read that rolegate-jdbc refused)
 * with an {@code application/problem+json} body: its status by the reason (INVALID_NAME and
 * UNKNOWN_ROLE 400, NOT_FOUND 404, DUPLICATE, NOT_A_MEMBER, SERVICE_ACCOUNT and LAST_OWNER 409,
 * ESCALATION and NOT_PERMITTED 403, STORE_FAILURE 503, INVALID_ROWS 500), its type {@code
 * urn:rolegate:problem:membership:<reason>} (the reason in lower case, {@code -} for {@code _}),
 * the exception's message as the detail (ids and role names only, quoted by the runtime's name
 * rule), and the reason as the member {@code reason}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MembershipExceptionHandler {
  /** The prefix of the problem types, followed by the reason. */
  static final String TYPE_PREFIX = "urn:rolegate:problem:membership:";

  /** Returns the problem for a refused membership read or change. */
  @ExceptionHandler(MembershipException.class)
  public ResponseEntity<ProblemDetail> refused(MembershipException e) {
    HttpStatus status = status(e.reason());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(type(e.reason()));
    problem.setTitle(title(e.reason()));
    problem.setProperty("reason", e.reason().name());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** Returns the HTTP status a refusal for {@code reason} is answered with. */
  static HttpStatus status(MembershipException.Reason reason) {
    return switch (reason) {
      case INVALID_NAME, UNKNOWN_ROLE -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case DUPLICATE, NOT_A_MEMBER, SERVICE_ACCOUNT, LAST_OWNER -> HttpStatus.CONFLICT;
      case ESCALATION, NOT_PERMITTED -> HttpStatus.FORBIDDEN;
      case STORE_FAILURE -> HttpStatus.SERVICE_UNAVAILABLE;
      case INVALID_ROWS -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  /** Returns the problem type of a refusal for {@code reason}. */
  static URI type(MembershipException.Reason reason) {
    return URI.create(TYPE_PREFIX + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  private static String title(MembershipException.Reason reason) {
    return switch (reason) {
      case INVALID_NAME -> "Invalid name";
      case UNKNOWN_ROLE -> "Unknown role";
      case NOT_FOUND -> "Not found";
      case DUPLICATE -> "Duplicate";
      case NOT_A_MEMBER -> "Not a member of the account";
      case SERVICE_ACCOUNT -> "Service account";
      case ESCALATION -> "Escalation refused";
      case NOT_PERMITTED -> "Not permitted";
      case LAST_OWNER -> "Last owner";
      case STORE_FAILURE -> "Membership store unavailable";
      case INVALID_ROWS -> "Invalid stored memberships";
    };
  }
}
