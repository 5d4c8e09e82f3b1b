package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.iptc.IptcDirectory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddedMetadataTest {

    @Test
    void readsAWirePhotosIptcBlock() {
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_OBJECT_NAME, "SYRIA-CONFLICT/ALEPPO")
                .add(IptcDirectory.TAG_BY_LINE, "Hosam Katan")
                .add(IptcDirectory.TAG_CREDIT, "REUTERS")
                .add(IptcDirectory.TAG_ORIGINAL_TRANSMISSION_REFERENCE, "RTR3MXYZ")
                .add(IptcDirectory.TAG_KEYWORDS, "SYRIA")
                .add(IptcDirectory.TAG_KEYWORDS, "CONFLICT")
                .add(IptcDirectory.TAG_KEYWORDS, "Zahraa")
                .add(IptcDirectory.TAG_CAPTION, "Smoke rises over the Zahraa district of Aleppo — “Ḥalab”, April 2014.")
                .bytes();
        EmbeddedMetadata m = EmbeddedMetadata.read(WirePhotos.jpegWith(400, 300, iptc, null));
        assertThat(m.caption()).isEqualTo("Smoke rises over the Zahraa district of Aleppo — “Ḥalab”, April 2014.");
        assertThat(m.credit()).isEqualTo("REUTERS/Hosam Katan");
        assertThat(m.pictureId()).isEqualTo("SYRIA-CONFLICT/ALEPPO");
        assertThat(m.keywords()).containsExactly("SYRIA", "CONFLICT", "Zahraa");
    }

    @Test
    void fallsBackToTheTransmissionReferenceForThePictureId() {
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_ORIGINAL_TRANSMISSION_REFERENCE, "AFP_32XY7Q")
                .bytes();
        assertThat(EmbeddedMetadata.read(WirePhotos.jpegWith(200, 100, iptc, null))
                        .pictureId())
                .isEqualTo("AFP_32XY7Q");
    }

    @Test
    void readsXmpWhenThereIsNoIptc() {
        String xmp = WirePhotos.xmp("Displaced families near Marib", "AFP", "Jane Roe", "Yemen", "Marib", "camps");
        EmbeddedMetadata m = EmbeddedMetadata.read(WirePhotos.jpegWith(400, 300, null, xmp));
        assertThat(m.caption()).isEqualTo("Displaced families near Marib");
        assertThat(m.credit()).isEqualTo("AFP/Jane Roe");
        assertThat(m.keywords()).containsExactly("Yemen", "Marib", "camps");
    }

    @Test
    void prefersIptcAndMergesKeywords() {
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_CAPTION, "IPTC caption")
                .add(IptcDirectory.TAG_CREDIT, "AP")
                .add(IptcDirectory.TAG_KEYWORDS, "Gaza")
                .bytes();
        String xmp = WirePhotos.xmp("XMP caption", "Other", "Someone", "Gaza", "Rafah");
        EmbeddedMetadata m = EmbeddedMetadata.read(WirePhotos.jpegWith(300, 200, iptc, xmp));
        assertThat(m.caption()).isEqualTo("IPTC caption");
        assertThat(m.credit()).startsWith("AP");
        assertThat(m.keywords()).containsExactly("Gaza", "Rafah");
    }

    @Test
    void plainTruncatedAndGarbageFilesGiveEmptyFields() {
        assertThat(EmbeddedMetadata.read(WirePhotos.jpeg(50, 50))).isEqualTo(EmbeddedMetadata.NONE);
        byte[] iptc =
                new WirePhotos.Iptc().add(IptcDirectory.TAG_CAPTION, "cut off").bytes();
        byte[] full = WirePhotos.jpegWith(300, 200, iptc, WirePhotos.xmp("d", "c", "b", "k"));
        for (int cut : new int[] {3, 20, 60, 200, full.length / 2}) {
            // read never returns null, so the test is what it read: the caption whole or not at all, never a fragment
            EmbeddedMetadata m = EmbeddedMetadata.read(Arrays.copyOf(full, cut));
            assertThat(m.caption()).as("cut at %d bytes", cut).isIn("", "cut off");
        }
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThat(EmbeddedMetadata.read(garbage)).isEqualTo(EmbeddedMetadata.NONE);
        assertThat(EmbeddedMetadata.read(new byte[0])).isEqualTo(EmbeddedMetadata.NONE);
        // A Photoshop block that claims more IPTC bytes than there are.
        byte[] lying = WirePhotos.jpegWith(100, 100, new byte[] {0x1C, 0x02, 0x78, 0x7F, 0x7F, 'x'}, null);
        assertThat(EmbeddedMetadata.read(lying).caption())
                .as("no more than the one byte there is")
                .isIn("", "x");
    }
}
