package io.kv4j.examples.spring;

import io.kv4j.KvCheckException;
import io.kv4j.KvCommit;
import io.kv4j.KvEntry;
import io.kv4j.KvStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /functions/{name}/counter} counts one more in function {@code name}'s namespace with
 * an atomic sum, which takes no read, so concurrent POSTs never conflict; {@code GET} reads the
 * committed count with its versionstamp as ETag; {@code PUT} sets it, and with {@code If-Match}
 * only if the count is still at that versionstamp (412 otherwise).
 */
@RestController
class CounterController {

    /** What GET and PUT answer. */
    record Counter(String function, long count) {
    }

    /** What POST answers: the versionstamp of the commit that counted it. */
    record Counted(String function, String versionstamp) {
    }

    private final KvStore store;

    CounterController(KvStore store) {
        this.store = store;
    }

    @PostMapping("/functions/{name}/counter")
    ResponseEntity<Counted> increment(@PathVariable String name) {
        KvCommit<Void> commit = store.execute(name, kv -> {
            kv.sum("count", 1);
            return null;
        });
        return ResponseEntity.ok().eTag(commit.versionstamp())
                .body(new Counted(name, commit.versionstamp()));
    }

    @GetMapping("/functions/{name}/counter")
    ResponseEntity<Counter> read(@PathVariable String name) {
        KvEntry entry = store.reader(name).getEntry("count");
        Counter counter = new Counter(name, entry == null ? 0 : entry.value(Long.class));
        return entry == null ? ResponseEntity.ok(counter)
                : ResponseEntity.ok().eTag(entry.versionstamp()).body(counter);
    }

    @PutMapping("/functions/{name}/counter")
    ResponseEntity<Counter> set(@PathVariable String name, @RequestBody Counter body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        KvCommit<Void> commit = store.execute(name, kv -> {
            if (ifMatch != null) {
                kv.check("count", versionstamp(ifMatch));
            }
            kv.set("count", body.count());
            return null;
        });
        return ResponseEntity.ok().eTag(commit.versionstamp()).body(new Counter(name,
                body.count()));
    }

    /** The versionstamp of an If-Match header: an ETag, quoted or weak ({@code W/"..."}). */
    private static String versionstamp(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1) : tag;
    }

    /** The count changed since the client read it: it should read again and decide again. */
    @ExceptionHandler(KvCheckException.class)
    ProblemDetail changed(KvCheckException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    /**
     * A function name kv4j refuses (empty, too long, not Unicode), or an If-Match that is no
     * versionstamp, is the caller's mistake.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badName(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
