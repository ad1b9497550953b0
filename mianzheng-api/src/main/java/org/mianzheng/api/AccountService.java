package org.mianzheng.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Operator accounts and department liaisons (Art. 9). Thread-safe. */
public interface AccountService {

    /**
     * Registers an account (新增账号报备).
     *
     * @param id             account id
     * @param name           name
     * @param departmentCode department (must be in the catalog)
     * @param windowId       window, or {@code null}
     * @param roles          roles
     * @param by             who records it
     * @param reportedTo     to whom it was reported
     * @return the account
     * @throws AccountException if the id exists or the department is unknown
     */
    Operator register(String id, String name, String departmentCode, String windowId, Set<Role> roles, String by, String reportedTo);

    /**
     * Deregisters an account (注销账号报备). Its later acts are refused.
     *
     * @param id         account id
     * @param by         who records it
     * @param reportedTo to whom
     * @param reason     why
     * @return the account, deregistered
     */
    Operator deregister(String id, String by, String reportedTo, String reason);

    /**
     * @param id account id
     * @return the account
     */
    Optional<Operator> find(String id);

    /**
     * Appoints the department's liaison (协调联络员); the operator must be active and of that department.
     *
     * @param departmentCode department
     * @param operatorId     the liaison
     * @param by             who records it
     */
    void appointLiaison(String departmentCode, String operatorId, String by);

    /**
     * @param departmentCode department
     * @return its liaison, while that account is active: a deregistered liaison leaves the department without one
     *         until another is appointed
     */
    Optional<Operator> liaison(String departmentCode);

    /** @return the registration history, oldest first */
    List<AccountEvent> history();
}
