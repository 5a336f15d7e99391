package io.kv4j;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A generic type to read a value as, for types a {@link Class} cannot name:
 * {@code kv.get("orders", new KvType<List<Order>>() {})}. Create it as an anonymous subclass, or
 * with {@link #of(Type)}.
 *
 * @param <T> the type
 */
public abstract class KvType<T> {

    private final Type type;

    /**
     * Captures the type argument of the anonymous subclass.
     *
     * @throws IllegalStateException when created without a type argument
     */
    protected KvType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType p)) {
            throw new IllegalStateException("Create a KvType with a type argument: "
                    + "new KvType<List<Order>>() {}");
        }
        this.type = p.getActualTypeArguments()[0];
    }

    private KvType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * A type token for a type built at run time.
     *
     * @param type the type
     * @param <T> the type
     * @return the token
     */
    public static <T> KvType<T> of(Type type) {
        return new KvType<T>(type) {
        };
    }

    /**
     * The type.
     *
     * @return the type, such as {@code java.util.List<Order>}
     */
    public Type type() {
        return type;
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
