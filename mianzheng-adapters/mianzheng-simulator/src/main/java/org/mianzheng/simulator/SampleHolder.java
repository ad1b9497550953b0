package org.mianzheng.simulator;

import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;

/**
 * A seeded holder: a person with a valid resident identity number or an organisation with a valid unified social
 * credit code.
 *
 * @param id   identifier (valid check character)
 * @param name name
 * @param kind person or organisation
 */
public record SampleHolder(HolderId id, String name, HolderKind kind) {
    @Override
    public String toString() {
        return "SampleHolder[" + id + ", " + kind + "]";
    }
}
