package org.sitrep.ingest;

import com.drew.metadata.iptc.IptcDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.sitrep.newsroom.WirePhotos;

/** The sample wire items, pages and feeds under {@code src/test/resources/ingest}, and wire photos made on the fly. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static final String PHOTO_CAPTION = "Members of the Syrian Civil Defence search for survivors in the rubble of a "
            + "market hit by shelling in Maarat al-Numan, Idlib province, Syria, March 1, 2026.";

    /** A wire photo as agencies send it: IPTC caption, credit, by-line, keywords and picture id. */
    static byte[] wirePhoto() {
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_CAPTION, PHOTO_CAPTION)
                .add(IptcDirectory.TAG_CREDIT, "LEVANT WIRE")
                .add(IptcDirectory.TAG_BY_LINE, "Khalil Ashawi")
                .add(IptcDirectory.TAG_OBJECT_NAME, "SYRIA-CONFLICT/IDLIB")
                .add(IptcDirectory.TAG_KEYWORDS, "Syria")
                .add(IptcDirectory.TAG_KEYWORDS, "conflict")
                .bytes();
        return WirePhotos.jpegWith(64, 48, iptc, null);
    }

    /** Starts like a JPEG, then nothing an image reader can make sense of. */
    static byte[] corruptJpeg() {
        byte[] b = new byte[600];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xC0;
        for (int i = 4; i < b.length; i++) b[i] = (byte) (i * 37);
        return b;
    }
}
