package org.mianzheng.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogException.Reason;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewLevel;

class CatalogJsonTest {

    @Test
    void parsesTheFixture() {
        CatalogDocument doc = CatalogJson.parse(Fixtures.CATALOG);
        assertThat(doc.departments()).hasSize(4);
        assertThat(doc.items()).hasSize(3);
        var sc001 = doc.items().get(0);
        assertThat(sc001.reviewLevel()).isEqualTo(ReviewLevel.CITY); // default for a city item
        var sfz = sc001.material("SFZ").orElseThrow();
        assertThat(sfz.exemption().channels()).containsExactly(Exemption.ONEWINDOW, Exemption.CITYHUB); // default order
        assertThat(sfz.issuer().name()).isEqualTo("乌海市公安局"); // taken from the department
        assertThat(sc001.material("WFZM").orElseThrow().exemption().channels()).containsExactly(Exemption.CITYHUB);
        assertThat(sc001.material("ZD").orElseThrow().exemption().mode()).isEqualTo(RetrievalMode.NONE);
    }

    static Stream<Arguments> badCatalogs() {
        String c = Fixtures.CATALOG;
        return Stream.of(
                Arguments.of("truncated", c.substring(0, c.length() / 2), Reason.MALFORMED_JSON, "$"),
                Arguments.of("not json", "<catalog/>", Reason.MALFORMED_JSON, "$"),
                Arguments.of("empty", "", Reason.MALFORMED_JSON, "$"),
                Arguments.of("trailing garbage", c + " {}", Reason.MALFORMED_JSON, "$"),
                Arguments.of("duplicate key", c.replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"schemaVersion\": 1,"),
                        Reason.MALFORMED_JSON, "$"),
                Arguments.of("root is an array", "[]", Reason.SCHEMA, "$"),
                Arguments.of("wrong schema version", c.replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"), Reason.SCHEMA, "$.schemaVersion"),
                Arguments.of("items missing", "{\"departments\": []}", Reason.SCHEMA, "$.items"),
                Arguments.of("name is a number", c.replace("\"name\": \"食品经营许可\"", "\"name\": 5"), Reason.SCHEMA, "$.items[0].name"),
                Arguments.of("unknown enum", c.replace("\"handling\": \"IMMEDIATE\"", "\"handling\": \"SOMETIMES\""), Reason.INVALID_VALUE,
                        "$.items[2].handling"),
                Arguments.of("unknown department of item", c.replace("\"department\": \"ZJJ\", \"level\"", "\"department\": \"NOPE\", \"level\""),
                        Reason.UNKNOWN_REFERENCE, "$.items[2].department"),
                Arguments.of("unknown licence type", c.replace("{\"code\": \"JMSFZ\", \"name\"", "{\"code\": \"JMSFZX\", \"name\""),
                        Reason.UNKNOWN_REFERENCE, "$.items[0].materials[1].licenseType"),
                Arguments.of("applicant issuer with other fields", c.replace("{\"applicant\": true}", "{\"applicant\": true, \"department\": \"ZJJ\"}"),
                        Reason.SCHEMA, "$.items[0].materials[4].issuer"),
                Arguments.of("unknown issuer department", c.replace("\"issuer\": {\"department\": \"ZJJ\"}, \"legalBasis\": \"《促进",
                        "\"issuer\": {\"department\": \"NOPE\"}, \"legalBasis\": \"《促进"), Reason.UNKNOWN_REFERENCE, "$.items[0].materials[2].issuer.department"),
                Arguments.of("duplicate department", c.replace("{\"code\": \"GAJ\", \"name\": \"乌海市公安局\", \"level\": \"CITY\"}",
                        "{\"code\": \"GAJ\", \"name\": \"乌海市公安局\", \"level\": \"CITY\"}, {\"code\": \"ZJJ\", \"name\": \"x\"}"),
                        Reason.DUPLICATE_CODE, "$.departments[4].code"),
                Arguments.of("duplicate item", c.replace("\"code\": \"ZJ001\"", "\"code\": \"SC001\""), Reason.DUPLICATE_CODE, "$.items[2].code"),
                Arguments.of("duplicate material", c.replace("{\"code\": \"WFZM\"", "{\"code\": \"ZSZM\""), Reason.DUPLICATE_CODE,
                        "$.items[0].materials[3].code"),
                Arguments.of("bad credit code", c.replace("11150300MB14571840", "11150300MB14571841"), Reason.INVALID_IDENTIFIER,
                        "$.departments[0]"),
                Arguments.of("bad licence type code", c.replace("{\"code\": \"YYZZ\", \"name\": \"营业执照\", \"holderKind\"",
                        "{\"code\": \"yy zz\", \"name\": \"营业执照\", \"holderKind\""), Reason.INVALID_IDENTIFIER, "$.licenseTypes[0]"),
                Arguments.of("hostile item code", c.replace("\"code\": \"ZJ001\"", "\"code\": \"ZJ\\u0000<script>\""), Reason.INVALID_IDENTIFIER,
                        "$.items[2]"),
                Arguments.of("department cycle", c.replace("\"creditCode\": \"11150300MB14571840\"}", "\"creditCode\": \"11150300MB14571840\", \"parent\": \"SCJGJ\"}"),
                        Reason.CYCLE, null),
                Arguments.of("unknown parent", c.replace("\"parent\": \"ZWFWJ\"", "\"parent\": \"NOPE\""), Reason.UNKNOWN_REFERENCE,
                        "$.departments[1].parent"),
                Arguments.of("no legal basis", c.replace("\"legalBasis\": \"《公共租赁住房管理办法》\", ", ""), Reason.NO_LEGAL_BASIS,
                        "$.items[0].materials[3].legalBasis"),
                Arguments.of("blank legal basis", c.replace("\"legalBasis\": \"《公共租赁住房管理办法》\"", "\"legalBasis\": \"  \""), Reason.NO_LEGAL_BASIS,
                        "$.items[0].materials[3].legalBasis"),
                Arguments.of("directed to outside issuer", c.replace("\"issuer\": {\"department\": \"ZJJ\"}, \"legalBasis\": \"《促进个体工商户发展条例》\"",
                        "\"issuer\": {\"name\": \"外地\", \"inCity\": false}, \"legalBasis\": \"《促进个体工商户发展条例》\""), Reason.INVALID_VALUE,
                        "$.items[0].materials[2]"),
                Arguments.of("data call of unverifiable data", c.replace("\"issuer\": {\"name\": \"国家部委\", \"inCity\": false, \"verifiableOnline\": true}",
                        "\"issuer\": {\"name\": \"国家部委\", \"inCity\": false, \"verifiableOnline\": false}"), Reason.INVALID_VALUE,
                        "$.items[0].materials[8].exemption.mode"),
                Arguments.of("deep nesting", "[".repeat(5000) + "]".repeat(5000), Reason.MALFORMED_JSON, "$"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCatalogs")
    void badInputIsRefusedWithItsPath(String name, String json, Reason reason, String pathPrefix) {
        assertThatThrownBy(() -> CatalogJson.parse(json))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
                    if (pathPrefix != null) {
                        assertThat(e.jsonPath()).as(e.getMessage()).startsWith(pathPrefix);
                    }
                    assertThat(e.getMessage()).doesNotContain("\u0000");
                });
    }

    @Test
    void oversizedInputIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            long n;

            @Override
            public int read() {
                return n++ < Long.MAX_VALUE ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                n += len;
                return len;
            }
        };
        assertThatThrownBy(() -> CatalogJson.parse(endless))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void parsesFromAStream() {
        CatalogDocument doc = CatalogJson.parse(new ByteArrayInputStream(Fixtures.CATALOG.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.items()).extracting(i -> i.code()).containsExactly("SC001", "SC002", "ZJ001");
    }
}
