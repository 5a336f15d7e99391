package io.kv4j.spring.boot.autoconfigure.actuate;

import io.kv4j.KvStore;
import io.kv4j.KvStoreInfo;
import io.kv4j.common.Capability;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code kv} to the info endpoint: the backend (the URL's scheme), the provider that serves
 * it, the SPI version it was built for and the capabilities it declares. Not the URL, which names
 * hosts and users.
 */
public class KvInfoContributor implements InfoContributor {

    private final KvStore store;

    /**
     * Creates the contributor.
     *
     * @param store the store to describe
     */
    public KvInfoContributor(KvStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void contribute(Info.Builder builder) {
        KvStoreInfo info = store.info();
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("backend", info.scheme());
        kv.put("provider", info.provider());
        kv.put("spi-version", info.spiVersion());
        kv.put("capabilities", info.capabilities().stream().map(Capability::name).sorted().toList());
        builder.withDetail("kv", kv);
    }
}
