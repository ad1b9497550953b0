package org.mianzheng.seal;

/**
 * Decides whether an operator may administer seals (register, replace, retire seal profiles, choose the default) —
 * the seal management duty of Art. 20. Injected into {@link SealRegistry}; typically answered from the host's role
 * model. Must be thread-safe; an exception counts as a refusal (fail closed).
 */
@FunctionalInterface
public interface SealAdministrationPolicy {

    /**
     * @param operatorId the operator asking
     * @return whether the operator may administer seals
     */
    boolean mayAdministerSeals(String operatorId);
}
