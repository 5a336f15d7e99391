package io.kv4j.examples.spring;

import io.kv4j.KvStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /functions/{name}/counter} counts one more in function {@code name}'s namespace, in
 * one atomic request; {@code GET} reads the committed count.
 */
@RestController
class CounterController {

    /** What both calls answer. */
    record Counter(String function, long count) {
    }

    private final KvStore store;

    CounterController(KvStore store) {
        this.store = store;
    }

    @PostMapping("/functions/{name}/counter")
    Counter increment(@PathVariable String name) {
        // run() commits when the body returns and runs it again when a concurrent request
        // changed the count it read, so no increment is lost
        long count = store.run(name, kv -> {
            Long n = kv.get("count", Long.class);
            long next = n == null ? 1 : n + 1;
            kv.set("count", next);
            return next;
        });
        return new Counter(name, count);
    }

    @GetMapping("/functions/{name}/counter")
    Counter read(@PathVariable String name) {
        Long n = store.reader(name).get("count", Long.class);
        return new Counter(name, n == null ? 0 : n);
    }

    /** A function name kv4j refuses (empty, too long, not Unicode) is the caller's mistake. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badName(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
