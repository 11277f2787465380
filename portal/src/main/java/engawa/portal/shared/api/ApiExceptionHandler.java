package engawa.portal.shared.api;

import engawa.portal.shared.DatabaseAway;
import engawa.portal.shared.Translations;
import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.Validation;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the REST API as an RFC 9457 problem whose detail tells the caller what to fix.
 * Framework errors (unreadable JSON, wrong media type, unknown path) come from the superclass.
 * Not limited to our controllers' packages: errors found before a controller is chosen (no such
 * path, method or media type) must be answered here too, or the container's error page would
 * send an API client to the login page.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            ProblemDetail missing = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    Translations.english("api.body.missing"));
            missing.setTitle("Invalid input");
            return handleExceptionInternal(e, missing, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape. Send a JSON object such as the examples at /v3/api-docs.");
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as JSON, with the header Content-Type: application/json"
                        + (e.getContentType() == null ? "." : " (not " + e.getContentType() + ")."));
        problem.setTitle("Unsupported media type");
        return handleExceptionInternal(e, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no /" + e.getResourcePath() + ". The API's paths are listed at /v3/api-docs.");
        problem.setTitle("Not Found");
        return handleExceptionInternal(e, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail userFacing(UserFacingException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status.getReasonPhrase());
        if (!e.fieldProblems().isEmpty()) {
            problem.setTitle("Invalid input");
            problem.setProperty("errors", e.fieldProblems().stream()
                    .map(p -> Map.of("field", p.field(), "message", p.messageIn(Translations.ENGLISH))).toList());
        }
        e.problemProperties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        List<Map<String, String>> errors = Validation.problems(e.getConstraintViolations()).stream()
                .map(p -> Map.of("field", p.field(), "message", p.messageIn(Translations.ENGLISH)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                errors.stream().map(m -> m.get("field") + ": " + m.get("message")).reduce((a, b) -> a + "; " + b).orElse(""));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your account may not do this. Ask an Engawa admin if you need it.");
        problem.setTitle("Not allowed");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        // two requests raced past our own checks; the database kept the data consistent
        log.info("Refused a write that conflicts with existing data: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This conflicts with something that already exists (for example the same name). Reload and try again.");
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * Anything unforeseen: a 500 problem for the caller, the details in the log under an id they
     * can quote. Without this the servlet container would forward to /error, which belongs to the
     * browser's security chain and answers an API client with a redirect to the login page.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.causes(e)) {
            return databaseAway(e);
        }
        String incident = engawa.portal.shared.Incidents.newId();
        log.error("Unexpected error in the REST API, incident {}", incident, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Try again; if it keeps happening, tell an Engawa admin the incident id "
                        + incident + ".");
        problem.setTitle("Internal error");
        problem.setProperty("incident", incident);
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * The database is away (stopped, restarting, unreachable): a 503 that says so and when to try
     * again, not a 500 with an incident id, since there is nothing for an admin to look up. A
     * write that got this answer was not acknowledged, and the caller may send it again. (A full
     * disk under the embedded database comes here too: PostgreSQL reports it as a resource
     * failure; the health report's {@code databaseDisk} says which.)
     */
    private static ResponseEntity<ProblemDetail> databaseAway(Exception e) {
        log.warn("The database is not reachable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Engawa cannot reach its database just now. Try again in a minute.");
        problem.setTitle("Database not reachable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }

}
