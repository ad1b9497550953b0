package org.mianzheng.seal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Holder;
import org.mianzheng.api.InvalidValueException;

/**
 * What a receipt says (Art. 13–15), apart from what the receipt service adds itself (voucher number, issue time,
 * seal, signature, and the purpose-limitation notice of Art. 15, which every receipt carries).
 *
 * <p>A receipt documents either a retrieved material ({@link #material()}: licence type, number, issuer, validity,
 * surface data) or the text of a verification or certification result ({@link #resultText()}) — exactly one.
 * The applicant's identity number is printed masked ({@link org.mianzheng.api.Masking}); so is any valid resident
 * identity number found in the licence number or the surface data.
 *
 * <p>Build with {@link #builder()}. {@link #toString()} leaves out personal data.
 *
 * @param title         the heading; default {@value #DEFAULT_TITLE}
 * @param issuingSystem 出具系统; default {@value #DEFAULT_ISSUING_SYSTEM}
 * @param issuingUnit   出具单位, e.g. 乌海市行政审批和政务服务局
 * @param itemCode      事项编码
 * @param itemName      事项名称
 * @param bizNo         业务流水号
 * @param applicant     the applicant (持证主体)
 * @param material      the retrieved material, or {@code null} when {@code resultText} is given
 * @param resultText    the verification or certification result, or {@code null} when {@code material} is given
 * @param sourceChannel the channel the data came from, e.g. {@code cityhub} or {@code onewindow}
 * @param operatorId    the window clerk's id
 * @param operatorName  the window clerk's name
 */
public record ReceiptContent(String title, String issuingSystem, String issuingUnit, String itemCode, String itemName, String bizNo,
                             Holder applicant, LicenseMaterial material, String resultText, String sourceChannel,
                             String operatorId, String operatorName) {
    /** Default heading. */
    public static final String DEFAULT_TITLE = "证照证明材料数据核验凭证";
    /** Default issuing system (Art. 6, 13). */
    public static final String DEFAULT_ISSUING_SYSTEM = "全市政务服务信息数据调用核验系统";
    /** Longest name-like field. */
    public static final int MAX_NAME = 100;
    /** Longest result text. */
    public static final int MAX_RESULT_TEXT = 1500;

    /** Validating constructor. */
    public ReceiptContent {
        title = title == null ? DEFAULT_TITLE : Texts.require(title, "receipt.title", 40, false);
        issuingSystem = issuingSystem == null ? DEFAULT_ISSUING_SYSTEM : Texts.require(issuingSystem, "receipt.issuingSystem", MAX_NAME, false);
        issuingUnit = Texts.require(issuingUnit, "receipt.issuingUnit", MAX_NAME, false);
        itemCode = Codes.require(itemCode, "receipt.itemCode");
        itemName = Texts.require(itemName, "receipt.itemName", MAX_NAME, false);
        bizNo = Codes.require(bizNo, "receipt.bizNo");
        InvalidValueException.requireNonNull(applicant, "receipt.applicant");
        if ((material == null) == (resultText == null || resultText.isBlank())) {
            throw new InvalidValueException("receipt.material", "give exactly one of a material or a result text");
        }
        resultText = resultText == null || resultText.isBlank() ? null : Texts.require(resultText, "receipt.resultText", MAX_RESULT_TEXT, true);
        sourceChannel = Codes.require(sourceChannel, "receipt.sourceChannel");
        operatorId = Codes.require(operatorId, "receipt.operatorId");
        operatorName = Texts.require(operatorName, "receipt.operatorName", MAX_NAME, false);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return without personal data */
    @Override
    public String toString() {
        return "ReceiptContent[" + bizNo + ", item " + itemCode + ", " + applicant + ", "
                + (material != null ? "material " + material.typeCode() : "result text") + ", channel " + sourceChannel
                + ", operator " + operatorId + "]";
    }

    /**
     * A retrieved material (电子证照 and similar).
     *
     * @param typeCode    证照类型代码
     * @param typeName    证照类型名称
     * @param number      证照编号
     * @param issuer      颁证单位
     * @param validFrom   start of validity, or {@code null}
     * @param validUntil  end of validity, or {@code null} for 长期 (no end)
     * @param surfaceData 照面信息, label → value, in display order (at most {@value #MAX_SURFACE_ENTRIES} entries)
     */
    public record LicenseMaterial(String typeCode, String typeName, String number, String issuer, LocalDate validFrom,
                                  LocalDate validUntil, Map<String, String> surfaceData) {
        /** Most surface data entries. */
        public static final int MAX_SURFACE_ENTRIES = 30;

        /** Validating constructor; keeps the surface data order. */
        public LicenseMaterial {
            typeCode = Codes.require(typeCode, "material.typeCode");
            typeName = Texts.require(typeName, "material.typeName", MAX_NAME, false);
            number = Texts.require(number, "material.number", MAX_NAME, false);
            issuer = Texts.require(issuer, "material.issuer", MAX_NAME, false);
            if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                throw new InvalidValueException("material.validUntil", "is before validFrom");
            }
            LinkedHashMap<String, String> copy = new LinkedHashMap<>();
            if (surfaceData != null) {
                if (surfaceData.size() > MAX_SURFACE_ENTRIES) {
                    throw new InvalidValueException("material.surfaceData", "more than " + MAX_SURFACE_ENTRIES + " entries");
                }
                surfaceData.forEach((k, v) -> copy.put(Texts.require(k, "material.surfaceData key", 40, false),
                        Texts.require(v, "material.surfaceData value", 300, false)));
            }
            surfaceData = java.util.Collections.unmodifiableMap(copy);
        }

        /** @return without surface data and number */
        @Override
        public String toString() {
            return "LicenseMaterial[" + typeCode + ", " + typeName + ", " + surfaceData.size() + " surface entries]";
        }
    }

    /** Builder of {@link ReceiptContent}. Set-once setters. */
    public static final class Builder {
        private final java.util.Set<String> set = new java.util.HashSet<>();
        private String title;
        private String issuingSystem;
        private String issuingUnit;
        private String itemCode;
        private String itemName;
        private String bizNo;
        private Holder applicant;
        private LicenseMaterial material;
        private String resultText;
        private String sourceChannel;
        private String operatorId;
        private String operatorName;

        private Builder() {
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new InvalidValueException(field, "already set");
            }
        }

        /** @param v heading @return this builder */
        public Builder title(String v) {
            once("title");
            title = v;
            return this;
        }

        /** @param v issuing system @return this builder */
        public Builder issuingSystem(String v) {
            once("issuingSystem");
            issuingSystem = v;
            return this;
        }

        /** @param v issuing unit @return this builder */
        public Builder issuingUnit(String v) {
            once("issuingUnit");
            issuingUnit = v;
            return this;
        }

        /**
         * @param code item code
         * @param name item name
         * @return this builder
         */
        public Builder item(String code, String name) {
            once("item");
            itemCode = code;
            itemName = name;
            return this;
        }

        /** @param v bizNo @return this builder */
        public Builder bizNo(String v) {
            once("bizNo");
            bizNo = v;
            return this;
        }

        /** @param v applicant @return this builder */
        public Builder applicant(Holder v) {
            once("applicant");
            applicant = v;
            return this;
        }

        /** @param v the retrieved material @return this builder */
        public Builder material(LicenseMaterial v) {
            once("material");
            material = v;
            return this;
        }

        /** @param v the verification or certification result @return this builder */
        public Builder resultText(String v) {
            once("resultText");
            resultText = v;
            return this;
        }

        /** @param v source channel id @return this builder */
        public Builder sourceChannel(String v) {
            once("sourceChannel");
            sourceChannel = v;
            return this;
        }

        /**
         * @param id   operator id
         * @param name operator name
         * @return this builder
         */
        public Builder operator(String id, String name) {
            once("operator");
            operatorId = id;
            operatorName = name;
            return this;
        }

        /** @return the content */
        public ReceiptContent build() {
            return new ReceiptContent(title, issuingSystem, issuingUnit, itemCode, itemName, bizNo, applicant, material, resultText,
                    sourceChannel, operatorId, operatorName);
        }
    }
}
