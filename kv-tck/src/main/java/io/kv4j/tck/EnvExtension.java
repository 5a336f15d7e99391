package io.kv4j.tck;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each kit test its {@link Env}. The run's {@link Target} is made once, in the root
 * context, so that it is closed (stopping the fixture) after the last test; a failure to make it
 * is kept too, so that every test reports the same misconfiguration instead of retrying it.
 */
final class EnvExtension implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EnvExtension.class);

    /** Creates the extension; JUnit calls this. */
    EnvExtension() {
    }

    /** Runs no more tests once the run has stopped, for example after tests timed out. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Resolved resolved = context.getRoot().getStore(NAMESPACE).get(Resolved.class,
                Resolved.class);
        String stopped = resolved == null || resolved.target == null ? null
                : resolved.target.stopped();
        return stopped == null ? ConditionEvaluationResult.enabled("the run goes on")
                : ConditionEvaluationResult.disabled(Skip.UNTESTED + "the run stopped: " + stopped);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Env.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        Resolved resolved = root.getStore(NAMESPACE).getOrComputeIfAbsent(Resolved.class,
                k -> Resolved.of(root), Resolved.class);
        Env env = new Env(resolved.target());
        // closed by JUnit when the test ends: it closes the stores and sessions the test opened
        context.getStore(NAMESPACE).put(Env.class, env);
        return env;
    }

    /** The run's target, or why there is none. */
    private static final class Resolved implements AutoCloseable {

        private final Target target;
        private final boolean owned;
        private final RuntimeException failure;

        private Resolved(Target target, boolean owned, RuntimeException failure) {
            this.target = target;
            this.owned = owned;
            this.failure = failure;
        }

        static Resolved of(ExtensionContext root) {
            // the runner starts the target itself, to check it before any test, and lends it
            String lent = root.getConfigurationParameter(Target.LENT).orElse(null);
            if (lent != null) {
                Target target = Target.borrow(lent);
                return target != null ? new Resolved(target, false, null) : new Resolved(null, false,
                        new IllegalArgumentException("no target lent under " + lent));
            }
            try {
                return new Resolved(Target.start(Settings.from(root::getConfigurationParameter)),
                        true, null);
            } catch (RuntimeException e) {
                return new Resolved(null, false, e);
            }
        }

        Target target() {
            if (failure != null) {
                throw new IllegalStateException("The kit is misconfigured: " + failure.getMessage(),
                        failure);
            }
            return target;
        }

        @Override
        public void close() {
            if (target != null && owned) {
                target.close();
            }
        }
    }
}
