package org.sitrep.ingest;

import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.sitrep.newsroom.EmbeddedMetadata;

/**
 * A JPEG wire photo as an item: its caption (often the richest account of an incident a wire photo
 * carries) is the text, the credit its provider, its keywords kept; the picture id is its guid.
 */
final class WirePhoto {
    private static final int TITLE_CHARS = 160;

    private WirePhoto() {}

    static WireItem read(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || (jpeg[2] & 0xFF) != 0xFF) {
            throw new BadInput("not a JPEG image");
        }
        checkDecodable(jpeg);
        EmbeddedMetadata meta = EmbeddedMetadata.read(jpeg);
        if (meta.caption().isBlank()) throw new BadInput("the photo carries no caption (IPTC or XMP)");
        List<String> paragraphs = Markup.textParagraphs(meta.caption());
        String title = headline(paragraphs.get(0));
        String guid = meta.pictureId().isBlank() ? null : "photo:" + meta.pictureId();
        String credit = meta.credit().isBlank() ? null : meta.credit();
        // The caption is the text as it stands; the title (its first sentence) is not repeated above it.
        String html =
                Markup.paragraphs(paragraphs) + (credit == null ? "" : Markup.paragraphs(List.of("Credit: " + credit)));
        return new WireItem(guid, null, title, paragraphs, html, null, credit, "photo", meta.keywords());
    }

    /** The image header must be readable: a file cut short or garbled before its frame is no photo. */
    private static void checkDecodable(byte[] jpeg) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) return;
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) throw new BadInput("corrupt JPEG: no image size");
        } catch (BadInput e) {
            throw e;
        } catch (Exception e) {
            throw new BadInput(
                    "corrupt JPEG: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            reader.dispose();
        }
    }

    /** The caption's first sentence, shortened at a word: captions have no headline of their own. */
    private static String headline(String caption) {
        int end = caption.indexOf(". ");
        String first = end > 20 ? caption.substring(0, end) : caption;
        if (first.length() <= TITLE_CHARS) return first;
        int cut = first.lastIndexOf(' ', TITLE_CHARS);
        return first.substring(0, cut > 40 ? cut : TITLE_CHARS) + "…";
    }
}
