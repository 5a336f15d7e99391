package io.kv4j.spring.boot.autoconfigure.web;

import io.kv4j.KvConflictException;
import io.kv4j.KvTransientException;
import java.time.Duration;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request that failed with a transient kv4j exception 503 Service Unavailable, with
 * {@code Retry-After} and an RFC 9457 problem detail ({@code application/problem+json}), as
 * clients and load balancers expect of a service whose storage is down for now, instead of 500.
 * Transient means that nothing of the request was written and that sending it again may succeed:
 * {@link io.kv4j.KvUnavailableException} (the storage could not be reached) and
 * {@link KvConflictException} (concurrent requests changed what it read until
 * {@code KvStore.run} ran out of retries, or an explicit transaction's commit conflicted).
 *
 * <p>The answer does not carry the exception's message, which names servers and pools; it is
 * logged instead, one line per answer. It has the lowest precedence, so an exception handler of
 * the application for these exceptions comes first; a bean of this type replaces this one, and
 * {@code kv.web.problem-details.enabled=false} turns it off.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class KvProblemDetailsExceptionHandler {

    private static final System.Logger LOG =
            System.getLogger(KvProblemDetailsExceptionHandler.class.getName());

    private final long retryAfterSeconds;

    /**
     * Creates the handler.
     *
     * @param retryAfter the delay to send as {@code Retry-After}, rounded up to whole seconds
     * @throws IllegalArgumentException when the delay is negative
     */
    public KvProblemDetailsExceptionHandler(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("kv.web.retry-after must not be negative but was: "
                    + retryAfter);
        }
        Duration rounded = retryAfter.plusNanos(999_999_999);
        this.retryAfterSeconds = rounded.getSeconds();
    }

    /**
     * The answer to a transient failure.
     *
     * @param e the failure
     * @return 503 with {@code Retry-After} and a problem detail
     */
    @ExceptionHandler(KvTransientException.class)
    public ResponseEntity<ProblemDetail> transientFailure(KvTransientException e) {
        LOG.log(System.Logger.Level.WARNING, "Answered 503 with Retry-After: {0}: {1}",
                retryAfterSeconds, e.toString());
        String what = e instanceof KvConflictException
                ? "Concurrent requests kept changing what this request read"
                : "The service's storage cannot be reached now";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                what + "; nothing of the request was written. Send it again after "
                        + retryAfterSeconds + " s.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem);
    }
}
