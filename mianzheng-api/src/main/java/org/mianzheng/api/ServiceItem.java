package org.mianzheng.api;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 政务服务事项: a service item of a department, with the materials it requires.
 *
 * @param code           事项编码
 * @param name           name
 * @param departmentCode the department that handles it and files its catalog entry
 * @param level          city or district
 * @param handling       即办件 or 承诺件
 * @param reviewLevel    where it is finally reviewed (region or above: outside 免证办, Art. 3)
 * @param materials      its materials, codes unique
 */
public record ServiceItem(String code, String name, String departmentCode, AdminLevel level, Handling handling,
                          ReviewLevel reviewLevel, List<MaterialRequirement> materials) {
    /** Validating constructor. */
    public ServiceItem {
        code = Codes.require(code, "item.code");
        name = InvalidValueException.requireText(name, "item.name");
        departmentCode = Codes.require(departmentCode, "item.departmentCode");
        InvalidValueException.requireNonNull(level, "item.level");
        InvalidValueException.requireNonNull(handling, "item.handling");
        InvalidValueException.requireNonNull(reviewLevel, "item.reviewLevel");
        materials = List.copyOf(InvalidValueException.requireNonNull(materials, "item.materials"));
        Set<String> seen = new HashSet<>();
        for (MaterialRequirement m : materials) {
            if (!seen.add(m.code())) {
                throw new InvalidValueException("item.materials", "material code " + m.code() + " appears twice in item " + code);
            }
        }
    }

    /**
     * @param materialCode a material code
     * @return the material, if the item requires it
     */
    public Optional<MaterialRequirement> material(String materialCode) {
        for (MaterialRequirement m : materials) {
            if (m.code().equals(materialCode)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
