package io.kv4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import io.kv4j.spring.boot.autoconfigure.actuate.KvHealthContributorAutoConfiguration;
import io.kv4j.spring.boot.autoconfigure.web.KvProblemDetailsAutoConfiguration;
import io.kv4j.spring.boot.autoconfigure.web.KvProblemDetailsExceptionHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.WebApplicationContext;

/**
 * The application's answers once its PostgreSQL server stopped: health says DOWN within its own
 * timeout, and a request is answered 503 with Retry-After. Each test stops a server of its own.
 */
class KvServerDownTest {

    /** The pool waits this long for a connection before a request fails; the default. */
    private static final long POOL_TIMEOUT_MS = 5000;

    private final TestPostgres server = TestPostgres.startOwn();

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private static Health health(ApplicationContext context) {
        return context.getBean("kvHealthContributor", HealthIndicator.class).health(true);
    }

    @Test
    void health_isDownWithinItsTimeout_notThePools() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KvAutoConfiguration.class,
                        KvHealthContributorAutoConfiguration.class))
                .withPropertyValues(server.properties())
                .withPropertyValues("kv.health.timeout=1s").run(context -> {
                    assertThat(health(context).getStatus()).isEqualTo(Status.UP);
                    server.stop();
                    long start = System.nanoTime();
                    Health health = health(context);
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    assertThat(ms).as("ms until DOWN").isLessThan(POOL_TIMEOUT_MS - 1000);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("error").toString())
                            .contains("did not answer within 1000 ms (kv.health.timeout)");
                });
    }

    @Test
    void health_whileAServerDoesNotAnswer_holdsOneThreadPerStore() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KvAutoConfiguration.class,
                        KvHealthContributorAutoConfiguration.class))
                .withPropertyValues(server.properties())
                .withPropertyValues("kv.health.timeout=300ms").run(context -> {
                    assertThat(health(context).getStatus()).isEqualTo(Status.UP);
                    server.stop();
                    for (int i = 0; i < 5; i++) {
                        assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
                    }
                    assertThat(Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().equals("kv4j-health")).count())
                            .as("checking threads alive").isEqualTo(1);
                });
    }

    private WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        KvAutoConfiguration.class, KvProblemDetailsAutoConfiguration.class))
                .withUserConfiguration(CounterController.class)
                .withPropertyValues(server.properties())
                .withPropertyValues("kv.pool-timeout-ms=500");
    }

    private static MockMvc mvc(ApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
    }

    private static MockHttpServletResponse send(MockMvc mvc) throws Exception {
        return mvc.perform(post("/count")).andReturn().getResponse();
    }

    @Test
    void requestOnAStoppedServer_isServiceUnavailable_withRetryAfter_andNoSecret() {
        web().withPropertyValues("kv.password=hunter2").run(context -> {
            MockMvc mvc = mvc(context);
            assertThat(send(mvc).getStatus()).isEqualTo(200);
            server.stop();
            MockHttpServletResponse response = send(mvc);
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("1");
            assertThat(MediaType.parseMediaType(response.getContentType()))
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getContentAsString())
                    .contains("\"status\":503", "nothing of the request was written")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void retryAfter_isTheProperty_roundedUpToSeconds() {
        web().withPropertyValues("kv.web.retry-after=1500ms").run(context -> {
            server.stop();
            MockHttpServletResponse response = send(mvc(context));
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        });
    }

    @Test
    void problemDetails_turnedOff_leaveTheFailureToTheApplication() {
        web().withPropertyValues("kv.web.problem-details.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("kvProblemDetailsExceptionHandler");
            server.stop();
            MockMvc mvc = mvc(context);
            assertThatThrownBy(() -> mvc.perform(post("/count")))
                    .hasCauseInstanceOf(KvUnavailableException.class);
        });
    }

    @Test
    void applicationsOwnHandler_comesFirst() {
        web().withUserConfiguration(OwnHandler.class).run(context -> {
            server.stop();
            assertThat(send(mvc(context)).getStatus()).isEqualTo(502);
        });
    }

    @Test
    void applicationsBeanOfTheHandlersType_replacesIt() {
        web().withBean(KvProblemDetailsExceptionHandler.class,
                () -> new KvProblemDetailsExceptionHandler(Duration.ofSeconds(7))).run(context -> {
                    assertThat(context).hasSingleBean(KvProblemDetailsExceptionHandler.class);
                    server.stop();
                    assertThat(send(mvc(context)).getHeader("Retry-After")).isEqualTo("7");
                });
    }

    /** An application's own answer to an unavailable store. */
    @RestControllerAdvice
    static class OwnHandler {

        @ExceptionHandler(KvUnavailableException.class)
        ResponseEntity<String> unavailable(KvUnavailableException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("own");
        }
    }

    /** A controller that counts in one request, as an application's does. */
    @RestController
    static class CounterController {

        private final KvStore store;

        CounterController(KvStore store) {
            this.store = store;
        }

        @PostMapping("/count")
        long count() {
            return store.run("counter", kv -> {
                Long n = kv.get("n", Long.class);
                long next = n == null ? 1 : n + 1;
                kv.set("n", next);
                return next;
            });
        }
    }
}
