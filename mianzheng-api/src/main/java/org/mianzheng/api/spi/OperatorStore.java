package org.mianzheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.Operator;

/** Durable storage of operator accounts, their history and department liaisons. Thread-safe; blocking. */
public interface OperatorStore {

    /**
     * @param operator a new account
     * @param event    its registration event
     * @return {@code false} if the id exists (nothing written)
     */
    boolean insert(Operator operator, AccountEvent event);

    /**
     * @param operator the updated account
     * @param event    the event that changed it
     */
    void update(Operator operator, AccountEvent event);

    /**
     * @param id account id
     * @return the account
     */
    Optional<Operator> find(String id);

    /**
     * @param departmentCode department
     * @param operatorId     liaison
     * @param event          the appointment event
     */
    void putLiaison(String departmentCode, String operatorId, AccountEvent event);

    /**
     * @param departmentCode department
     * @return the liaison's id
     */
    Optional<String> liaison(String departmentCode);

    /** @return all account events, oldest first */
    List<AccountEvent> events();
}
