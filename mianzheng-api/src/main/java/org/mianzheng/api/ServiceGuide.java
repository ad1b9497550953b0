package org.mianzheng.api;

import java.time.Instant;
import java.util.List;

/**
 * 办事指南: the applicant-facing guide of a service item as of an instant (Art. 17), derived from the catalog, so it
 * changes the moment a filing changes the catalog.
 *
 * @param itemCode       the item
 * @param itemName       its name
 * @param departmentCode the department that handles it
 * @param departmentName its name
 * @param handling       即办件 or 承诺件
 * @param asOf           the instant the guide describes
 * @param catalogVersion the catalog version in force then
 * @param lastChange     the latest filing that touched this item at or before {@code asOf}: its sequence
 * @param lastChangedAt  when that filing took effect
 * @param notNeeded      materials the applicant no longer brings, in the item's order
 * @param stillNeeded    materials the applicant still brings, with the reason and article, in the item's order
 */
public record ServiceGuide(String itemCode, String itemName, String departmentCode, String departmentName, Handling handling, Instant asOf,
                           long catalogVersion, long lastChange, Instant lastChangedAt, List<GuideEntry> notNeeded,
                           List<GuideEntry> stillNeeded) {
    /** Validating constructor. */
    public ServiceGuide {
        itemCode = Codes.require(itemCode, "itemCode");
        itemName = InvalidValueException.requireText(itemName, "itemName");
        departmentCode = Codes.require(departmentCode, "departmentCode");
        departmentName = InvalidValueException.requireText(departmentName, "departmentName");
        InvalidValueException.requireNonNull(handling, "handling");
        InvalidValueException.requireNonNull(asOf, "asOf");
        InvalidValueException.requireNonNull(lastChangedAt, "lastChangedAt");
        notNeeded = List.copyOf(InvalidValueException.requireNonNull(notNeeded, "notNeeded"));
        stillNeeded = List.copyOf(InvalidValueException.requireNonNull(stillNeeded, "stillNeeded"));
    }
}
