package io.kv4j.spi;

import io.kv4j.common.Option;
import java.util.List;

/**
 * Entry point of a backend, found through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must have a public no-argument constructor, be cheap to construct and do no
 * I/O until {@link #open} is called.
 */
public interface KvProvider {

    /**
     * The version of this SPI: 3, since {@link BackendException} and typed options replaced the
     * exception classes and option descriptors of version 2. The engine drives a provider whose
     * {@link #apiVersion()} lies from {@link #MIN_SUPPORTED_API_VERSION} to this version; it never
     * uses any other, and lists it as incompatible with both versions and that range. A provider
     * built for version 1, which had no {@code apiVersion()} to implement, is recognised as such
     * and refused too.
     */
    int API_VERSION = 3;

    /**
     * The oldest SPI version whose providers the engine still drives. A later version that only
     * adds to the SPI keeps this where it is, so that providers built for an earlier version go on
     * working; what such a provider lacks is then refused or emulated by capability. A version
     * that changes what a provider implements raises it to itself, as version 3 did.
     */
    int MIN_SUPPORTED_API_VERSION = 3;

    /**
     * The SPI version this provider was built for. Implement it as {@code return API_VERSION;}:
     * the compiler copies the constant into the provider's class, so the provider keeps telling
     * the version it was built for whichever SPI jar it later runs with.
     *
     * @return the SPI version
     */
    int apiVersion();

    /**
     * The URL scheme this provider serves, the part after {@code kv:}: {@code memory} serves
     * {@code kv:memory:...}.
     *
     * @return the scheme, lower case, never empty
     */
    String scheme();

    /**
     * Whether this provider can open the URL. Must not do I/O and must not throw.
     *
     * @param url a store URL without its query string, its scheme in lower case, for example
     *     {@code kv:memory:orders}
     * @return {@code true} when {@link #open} should be tried with this URL
     */
    boolean accepts(String url);

    /**
     * The options this backend takes. The request engine checks every value against this table
     * (names are case-sensitive; a name not in it is refused), fills in the defaults, and masks
     * the values of secret options in every message. Tools show the table to users.
     *
     * @return the options; empty for a backend that takes none
     */
    default List<Option<?>> options() {
        return List.of();
    }

    /**
     * The largest value this backend can store and give back, in bytes of the UTF-8 JSON that the
     * request engine writes (compact, as {@code max-value-bytes} measures it). The engine refuses
     * to open a store whose {@code max-value-bytes} is larger, naming both numbers, and lowers
     * that option's default to this when it is smaller, so that a value the engine accepts is
     * never refused by the storage at commit. Declare what holds for every value of that size,
     * whatever its shape; the default, {@link Integer#MAX_VALUE}, declares no limit below the
     * option's own. Must not do I/O.
     *
     * @return the largest value in bytes, at least 1
     */
    default int maxValueBytes() {
        return Integer.MAX_VALUE;
    }

    /**
     * Opens storage.
     *
     * @param config the URL, which this provider {@linkplain #accepts accepts}, and the checked
     *     option values
     * @return open storage, owned by the caller, who closes it
     * @throws IllegalArgumentException for a malformed URL or a combination of options the
     *     backend cannot use; secrets never appear in messages
     * @throws BackendException {@link BackendException.Kind#UNAVAILABLE} when the storage cannot
     *     be reached, {@link BackendException.Kind#CONFIGURATION} when it refuses the
     *     configuration
     */
    KvBackend open(BackendConfig config);
}
