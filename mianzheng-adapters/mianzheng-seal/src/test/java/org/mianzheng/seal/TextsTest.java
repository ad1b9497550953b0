package org.mianzheng.seal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mianzheng.api.CheckCharacters;

/** Identity numbers are masked wherever a receipt prints free text: it is signed, so nothing printed can be taken back. */
class TextsTest {
    private static final String ID = Fixtures.RESIDENT_ID; // 150302 19900307 123x

    @Test
    void numbersAreFoundNextToLettersInGroupsAndWithAWrongCheckCharacter() {
        char wrong = ID.charAt(17) == '0' ? '1' : '0';
        String badCheck = ID.substring(0, 17) + wrong;
        for (String s : new String[] {"身份证号：" + ID, "ID" + ID, "证件号码" + ID + "号", "身份证号：" + badCheck,
                "身份证号：" + ID.substring(0, 6) + " " + ID.substring(6, 14) + " " + ID.substring(14),
                "号码 " + ID.substring(0, 6) + "-" + ID.substring(6, 14) + "-" + ID.substring(14)}) {
            String masked = Texts.maskIdentityNumbers(s);
            assertThat(masked).as(s).doesNotContain("19900307").contains("150");
        }
        assertThat(Texts.maskIdentityNumbers("ID" + ID)).isEqualTo("ID" + org.mianzheng.api.Masking.mask(ID));
    }

    @Test
    void fifteenDigitRegistrationNumbersPrintAsTheyAre() {
        // the first identity cards' 15-digit form is void since 2013; business registration numbers have 15 digits too
        assertThat(Texts.maskIdentityNumbers("注册号110108600123456")).isEqualTo("注册号110108600123456");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        String notADate = "150302" + "19901307" + "1234"; // month 13, and (most likely) a wrong check character
        if (CheckCharacters.residentIdentityCheck(notADate.substring(0, 17)) != notADate.charAt(17)) {
            assertThat(Texts.maskIdentityNumbers("编号" + notADate)).isEqualTo("编号" + notADate);
        }
        assertThat(Texts.maskIdentityNumbers("金额 1503021990030712345 元")).contains("1503021990030712345"); // 19 digits: a longer number
        assertThat(Texts.maskIdentityNumbers("无号码")).isEqualTo("无号码");
    }
}
