package org.mianzheng.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An operator account (Art. 9): registered and deregistered by report to the approval bureau.
 *
 * @param id             account id, as the embedding system authenticates it
 * @param name           display name
 * @param departmentCode the department
 * @param windowId       the window, or {@code null} for back-office staff
 * @param roles          roles, not empty
 * @param registeredAt   when registered
 * @param deregisteredAt when deregistered, or {@code null} while active
 */
public record Operator(String id, String name, String departmentCode, String windowId, Set<Role> roles, Instant registeredAt,
                       Instant deregisteredAt) {
    /** Validating constructor. */
    public Operator {
        id = Codes.require(id, "operator.id");
        name = InvalidValueException.requireText(name, "operator.name");
        departmentCode = Codes.require(departmentCode, "operator.departmentCode");
        windowId = Codes.optional(windowId, "operator.windowId");
        InvalidValueException.requireNonNull(roles, "operator.roles");
        if (roles.isEmpty()) {
            throw new InvalidValueException("operator.roles", "an operator has at least one role");
        }
        for (Role r : roles) { // a Set.of cannot hold null; any other set may (and may throw when asked)
            InvalidValueException.requireNonNull(r, "operator.roles element");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        InvalidValueException.requireNonNull(registeredAt, "operator.registeredAt");
    }

    /** @return whether the account is active (not deregistered) */
    public boolean active() {
        return deregisteredAt == null;
    }

    /**
     * @param role a role
     * @return whether the account has it
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
