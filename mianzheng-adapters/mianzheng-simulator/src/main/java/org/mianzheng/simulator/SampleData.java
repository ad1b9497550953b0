package org.mianzheng.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.FileType;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseIdentifier;
import org.mianzheng.api.LicenseStatus;

/**
 * The simulator's seeded data: persons and organisations with valid identifiers, licences of four types with surface
 * data and real files (PDF, and PNG for driving licences), some revoked, expired or restricted. Deterministic for a
 * seed. Immutable.
 *
 * <p>Licence types: {@value #BUSINESS_LICENSE} 营业执照 and {@value #FOOD_LICENSE} 食品经营许可证 (organisations),
 * {@value #HOUSEHOLD_REGISTER} 居民户口簿 and {@value #DRIVING_LICENSE} 机动车驾驶证 (persons).
 */
public final class SampleData {
    /** 营业执照. */
    public static final String BUSINESS_LICENSE = "11100000000013338W";
    /** 食品经营许可证. */
    public static final String FOOD_LICENSE = "11100000MB0178203T";
    /** 居民户口簿. */
    public static final String HOUSEHOLD_REGISTER = "111000000000131433";
    /** 机动车驾驶证 (file is a PNG). */
    public static final String DRIVING_LICENSE = "11100000000013127D";

    private static final String[] PERSON_NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"};
    private static final String[] ORG_NAMES = {"乌海市海勃湾区晨光商贸有限公司", "乌海市乌达区鑫源餐饮店", "内蒙古黄河化工有限责任公司", "乌海市海南区草原牧业合作社"};

    private final List<SampleHolder> persons;
    private final List<SampleHolder> organisations;
    private final List<SampleLicense> licenses;
    private final Map<String, String> typeNames;
    private final SampleHolder unknown;

    /**
     * @param seed seed
     * @return the data a simulator with that seed serves (without starting one)
     */
    public static SampleData seeded(long seed) {
        return new SampleData(seed);
    }

    SampleData(long seed) {
        Random rnd = new Random(seed);
        typeNames = new LinkedHashMap<>();
        typeNames.put(BUSINESS_LICENSE, "营业执照");
        typeNames.put(FOOD_LICENSE, "食品经营许可证");
        typeNames.put(HOUSEHOLD_REGISTER, "居民户口簿");
        typeNames.put(DRIVING_LICENSE, "机动车驾驶证");
        List<SampleHolder> p = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            p.add(new SampleHolder(HolderId.resident(residentId(rnd, i)), PERSON_NAMES[i], HolderKind.PERSON));
        }
        List<SampleHolder> o = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            o.add(new SampleHolder(HolderId.creditCode(creditCode(rnd, "91150300")), ORG_NAMES[i], HolderKind.ORGANISATION));
        }
        unknown = new SampleHolder(HolderId.resident(residentId(rnd, 90)), PERSON_NAMES[7], HolderKind.PERSON);
        persons = List.copyOf(p);
        organisations = List.copyOf(o);
        String police = creditCode(rnd, "11150300MB");
        String market = creditCode(rnd, "11150300MB");
        List<SampleLicense> l = new ArrayList<>();
        int[] serial = {1};
        l.add(license(serial, HOUSEHOLD_REGISTER, p.get(0), "乌海市公安局海勃湾区分局", police, LicenseStatus.VALID, null, FileType.PDF));
        l.add(license(serial, DRIVING_LICENSE, p.get(0), "乌海市公安局交通管理支队", police, LicenseStatus.VALID, LocalDate.of(2032, 5, 31), FileType.PNG));
        l.add(license(serial, HOUSEHOLD_REGISTER, p.get(1), "乌海市公安局海勃湾区分局", police, LicenseStatus.REVOKED, null, FileType.PDF));
        l.add(license(serial, HOUSEHOLD_REGISTER, p.get(2), "乌海市公安局乌达区分局", police, LicenseStatus.EXPIRED, LocalDate.of(2021, 6, 30), FileType.PDF));
        l.add(license(serial, HOUSEHOLD_REGISTER, p.get(3), "乌海市公安局海南区分局", police, LicenseStatus.RESTRICTED, null, FileType.PDF));
        l.add(license(serial, DRIVING_LICENSE, p.get(4), "乌海市公安局交通管理支队", police, LicenseStatus.VALID, LocalDate.of(2030, 1, 15), FileType.PNG));
        l.add(license(serial, BUSINESS_LICENSE, o.get(0), "乌海市市场监督管理局", market, LicenseStatus.VALID, null, FileType.PDF));
        l.add(license(serial, FOOD_LICENSE, o.get(0), "乌海市市场监督管理局", market, LicenseStatus.VALID, LocalDate.of(2029, 3, 1), FileType.PDF));
        l.add(license(serial, BUSINESS_LICENSE, o.get(1), "乌海市市场监督管理局", market, LicenseStatus.REVOKED, null, FileType.PDF));
        l.add(license(serial, FOOD_LICENSE, o.get(2), "乌海市市场监督管理局", market, LicenseStatus.EXPIRED, LocalDate.of(2022, 12, 31), FileType.PDF));
        l.add(license(serial, BUSINESS_LICENSE, o.get(3), "乌海市市场监督管理局", market, LicenseStatus.VALID, null, FileType.PDF));
        licenses = List.copyOf(l);
    }

    private SampleLicense license(int[] serial, String type, SampleHolder h, String issuer, String issuerCode, LicenseStatus status,
                                  LocalDate until, FileType fileType) {
        int s = serial[0]++;
        String ser = String.format("%04d", s);
        LicenseIdentifier id = LicenseIdentifier.of(type, issuerCode, ser, "001");
        String number = "WH" + type.substring(type.length() - 4) + ser;
        LocalDate issued = LocalDate.of(2015 + s % 8, 1 + s % 12, 1 + s % 27);
        Map<String, String> surface = new LinkedHashMap<>();
        if (h.kind() == HolderKind.PERSON) {
            surface.put("姓名", h.name());
            surface.put("公民身份号码", h.id().value());
            surface.put("住址", "内蒙古自治区乌海市海勃湾区滨河街道" + (s + 10) + "号");
        } else {
            surface.put("名称", h.name());
            surface.put("统一社会信用代码", h.id().value());
            surface.put("法定代表人", PERSON_NAMES[s % PERSON_NAMES.length]);
            surface.put("住所", "内蒙古自治区乌海市海勃湾区新华大街" + (s + 100) + "号");
        }
        surface.put("证照编号", number);
        byte[] file = fileType == FileType.PNG ? SampleFiles.png(s)
                : SampleFiles.pdf(List.of("mianzheng simulator sample licence", "type " + type, "number " + number, "holder " + h.id().masked(),
                "identifier " + id.format(), "status " + status));
        LocalDate from = until != null && until.isBefore(issued) ? until.minusYears(5) : issued;
        return new SampleLicense(id, type, typeNames.get(type), number, h, issuer, issued, from, until, status, surface, fileType, file);
    }

    private static String residentId(Random rnd, int i) {
        String birth = String.format("%04d%02d%02d", 1960 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        String first17 = "150302" + birth + String.format("%03d", (i * 37 + rnd.nextInt(900)) % 1000);
        return first17 + CheckCharacters.residentIdentityCheck(first17);
    }

    private static String creditCode(Random rnd, String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < 17) {
            b.append(CheckCharacters.USCC_ALPHABET.charAt(rnd.nextInt(10 + (b.length() > 10 ? 21 : 0))));
        }
        return b.toString() + CheckCharacters.creditCodeCheck(b);
    }

    /** @return persons */
    public List<SampleHolder> persons() {
        return persons;
    }

    /** @return organisations */
    public List<SampleHolder> organisations() {
        return organisations;
    }

    /** @return every holder */
    public List<SampleHolder> holders() {
        List<SampleHolder> all = new ArrayList<>(persons);
        all.addAll(organisations);
        return Collections.unmodifiableList(all);
    }

    /** @return every licence */
    public List<SampleLicense> licenses() {
        return licenses;
    }

    /** @return licence type code → name */
    public Map<String, String> licenseTypes() {
        return Collections.unmodifiableMap(typeNames);
    }

    /**
     * @param holder holder id
     * @param type   licence type code
     * @return the holder's licence of that type
     */
    public Optional<SampleLicense> license(HolderId holder, String type) {
        return licenses.stream().filter(l -> l.holder().id().equals(holder) && l.typeCode().equals(type)).findFirst();
    }

    /**
     * @param holder holder id
     * @return the holder, if seeded
     */
    public Optional<SampleHolder> holder(HolderId holder) {
        return holders().stream().filter(h -> h.id().equals(holder)).findFirst();
    }

    /**
     * @param status status
     * @param kind   holder kind
     * @return the first licence with that status of that kind of holder
     */
    public SampleLicense first(LicenseStatus status, HolderKind kind) {
        return licenses.stream().filter(l -> l.status() == status && l.holder().kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sample licence " + status + " of a " + kind));
    }

    /** @return a person with a valid identity number who holds nothing here */
    public SampleHolder unknownHolder() {
        return unknown;
    }

    /**
     * @param except a holder
     * @return another holder of the same kind (for "wrong holder" answers)
     */
    public SampleHolder other(HolderId except) {
        HolderKind kind = except.type() == org.mianzheng.api.HolderIdType.UNIFIED_SOCIAL_CREDIT_CODE ? HolderKind.ORGANISATION : HolderKind.PERSON;
        List<SampleHolder> pool = kind == HolderKind.PERSON ? persons : organisations;
        return pool.stream().filter(h -> !h.id().equals(except)).findFirst().orElseThrow();
    }
}
