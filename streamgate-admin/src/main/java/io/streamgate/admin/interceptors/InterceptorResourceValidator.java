package io.streamgate.admin.interceptors;

import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.InvalidInterceptorException;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceValidator;

import java.util.Objects;

/**
 * Accepts an {@code Interceptor} resource only if this gateway could install it: its spec has the right shape
 * ({@link InterceptorSpec#read}), its plugin exists, and the plugin accepts its configuration (schema and
 * {@code create}, through {@link InterceptorRegistry#validate}). Every refusal names the field:
 * {@code spec.priority}, {@code spec.plugin}, {@code spec.config.headers}, ...
 *
 * <p>Other kinds are refused: this gateway manages no other kind yet, and storing a resource nothing applies would
 * only hide a mistake. Thread-safe.
 */
public final class InterceptorResourceValidator implements ResourceValidator {

    private final InterceptorRegistry registry;

    public InterceptorResourceValidator(InterceptorRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void validate(Resource resource) {
        if (!InterceptorResourceMapper.KIND.equals(resource.kind())) {
            throw new InvalidResourceException("kind", "unknown kind '" + resource.kind() + "'; this gateway manages "
                    + InterceptorResourceMapper.KIND + " resources");
        }
        InterceptorDefinition definition = InterceptorResourceMapper.toDefinition(resource);
        try {
            registry.validate(definition);
        } catch (InvalidInterceptorException e) {
            throw new InvalidResourceException(e.field(), problemOf(e), e);
        } catch (IllegalStateException e) {
            // A plugin whose own schema does not compile: no configuration can be installed with it.
            throw new InvalidResourceException("spec.plugin", e.getMessage(), e);
        }
    }

    /** The message without the {@code field: } prefix the registry puts in front. */
    static String problemOf(InvalidInterceptorException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
