package org.mianzheng.api;

import java.time.Instant;
import java.util.List;

/**
 * A filing as recorded: the request plus the sequence number (the catalog version it creates) and the instant it
 * took effect.
 *
 * @param sequence       catalog version created by this filing, from 1, without gaps
 * @param filedAt        when it took effect
 * @param departmentCode filing department
 * @param operatorId     who filed
 * @param reason         why
 * @param legalBasis     legal basis
 * @param changes        the changes
 */
public record CatalogFiling(long sequence, Instant filedAt, String departmentCode, String operatorId, String reason, String legalBasis,
                            List<CatalogChange> changes) {
    /** Validating constructor. */
    public CatalogFiling {
        if (sequence < 1) {
            throw new InvalidValueException("sequence", "starts at 1");
        }
        InvalidValueException.requireNonNull(filedAt, "filedAt");
        FilingRequest r = new FilingRequest(departmentCode, operatorId, reason, legalBasis, changes);
        departmentCode = r.departmentCode();
        operatorId = r.operatorId();
        reason = r.reason();
        legalBasis = r.legalBasis();
        changes = r.changes();
    }

    /**
     * @param itemCode an item code
     * @return whether this filing touched that item
     */
    public boolean touches(String itemCode) {
        for (CatalogChange c : changes) {
            if (itemCode.equals(itemCodeOf(c))) {
                return true;
            }
            if (c instanceof CatalogChange.ReplaceAll r && r.document().items().stream().anyMatch(i -> i.code().equals(itemCode))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param change a change
     * @return the item code a single-item change refers to, or {@code null} for whole-catalog and non-item changes
     */
    public static String itemCodeOf(CatalogChange change) {
        if (change instanceof CatalogChange.AddItem a) {
            return a.item().code();
        } else if (change instanceof CatalogChange.ModifyItem m) {
            return m.item().code();
        } else if (change instanceof CatalogChange.RemoveItem r) {
            return r.itemCode();
        } else if (change instanceof CatalogChange.AddMaterial a) {
            return a.itemCode();
        } else if (change instanceof CatalogChange.ModifyMaterial m) {
            return m.itemCode();
        } else if (change instanceof CatalogChange.RemoveMaterial r) {
            return r.itemCode();
        } else if (change instanceof CatalogChange.ChangeExemption e) {
            return e.itemCode();
        }
        return null;
    }
}
