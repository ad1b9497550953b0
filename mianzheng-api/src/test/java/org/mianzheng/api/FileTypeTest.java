package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Magic bytes, and for OFD the package's entry file: a ZIP is an OFD only if its directory lists OFD.xml. */
class FileTypeTest {

    static byte[] zip(String comment, String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(("<" + n + "/>").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            if (comment != null) {
                z.setComment(comment);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aZipIsAnOfdOnlyIfItListsOfdXml() {
        assertThat(FileType.sniff(zip(null, "OFD.xml", "Doc_0/Document.xml"))).isEqualTo(FileType.OFD);
        assertThat(FileType.sniff(zip("签章", "Doc_0/Document.xml", "OFD.xml"))).as("listed last, with a comment").isEqualTo(FileType.OFD);
        assertThat(FileType.sniff(zip(null, "[Content_Types].xml", "word/document.xml"))).as("a DOCX").isNull();
        assertThat(FileType.sniff(zip(null, "META-INF/MANIFEST.MF", "Doc_0/OFD.xml"))).as("OFD.xml not at the root").isNull();
        assertThat(FileType.sniff(new byte[] {'P', 'K', 3, 4, 0})).as("no directory").isNull();
    }

    @Test
    void aDamagedDirectoryIsNotAnOfd() {
        byte[] ok = zip(null, "OFD.xml");
        for (int cut = 1; cut < ok.length; cut++) { // every truncation loses the end of the directory: not an OFD, and no exception
            assertThat(FileType.sniff(java.util.Arrays.copyOf(ok, cut))).as("cut at " + cut).isNull();
        }
        byte[] hostile = ok.clone();
        int eocd = hostile.length - 22;
        hostile[eocd + 16] = (byte) 0xFF; // the directory's offset points past the end
        hostile[eocd + 17] = (byte) 0xFF;
        hostile[eocd + 18] = (byte) 0xFF;
        hostile[eocd + 19] = (byte) 0x7F;
        assertThat(FileType.sniff(hostile)).isNull();
        byte[] many = ok.clone();
        many[eocd + 10] = (byte) 0xFF; // 65,535 entries claimed, one there
        many[eocd + 11] = (byte) 0xFF;
        assertThat(FileType.sniff(many)).as("the one entry listed is OFD.xml").isEqualTo(FileType.OFD);
    }
}
