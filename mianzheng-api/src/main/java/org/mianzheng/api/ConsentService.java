package org.mianzheng.api;

import java.util.List;
import java.util.Optional;

/** On-site consent (现场授权). Thread-safe. */
public interface ConsentService {

    /**
     * Records a consent granted at the window; audited.
     *
     * @param request the consent
     * @return the consent
     * @throws AccessDeniedException  if the operator may not take consents
     * @throws CaseException          if the case does not exist
     * @throws ConsentException       if a material is not one of its item
     * @throws InvalidValueException  if the request is {@code null} or its expiry is not in the future or too far
     */
    Consent grant(ConsentRequest request);

    /**
     * Revokes a consent; evicts what it covered from the cache; audited.
     *
     * @param consentId  the consent
     * @param operatorId who
     * @param reason     why
     * @return the revoked consent
     */
    Consent revoke(String consentId, String operatorId, String reason);

    /**
     * @param consentId id
     * @return the consent
     */
    Optional<Consent> find(String consentId);

    /**
     * @param bizNo the case
     * @return its consents, oldest first
     */
    List<Consent> forCase(String bizNo);
}
