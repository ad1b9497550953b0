package org.mianzheng.core.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mianzheng.api.Consent;
import org.mianzheng.api.spi.ConsentStore;

/** In-memory {@link ConsentStore}. Thread-safe. */
public final class InMemoryConsentStore implements ConsentStore {
    private final Map<String, Consent> byId = new LinkedHashMap<>();

    @Override
    public synchronized void put(Consent consent) {
        byId.put(consent.id(), consent);
    }

    @Override
    public synchronized Optional<Consent> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Consent> forCase(String bizNo) {
        List<Consent> out = new ArrayList<>();
        for (Consent c : byId.values()) {
            if (c.bizNo().equals(bizNo)) {
                out.add(c);
            }
        }
        return out;
    }
}
