package org.mianzheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.Consent;

/** Durable storage of consents. Thread-safe; blocking. */
public interface ConsentStore {

    /** @param consent a new or changed (revoked) consent */
    void put(Consent consent);

    /**
     * @param id consent id
     * @return the consent
     */
    Optional<Consent> find(String id);

    /**
     * @param bizNo case
     * @return its consents, oldest first
     */
    List<Consent> forCase(String bizNo);
}
