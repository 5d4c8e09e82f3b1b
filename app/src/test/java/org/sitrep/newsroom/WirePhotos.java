package org.sitrep.newsroom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Builds real image files for tests: JPEGs carrying an IPTC block (APP13, Photoshop IRB 8BIM
 * resource 0x0404) and/or an XMP packet (APP1), the way agency photos arrive.
 */
public final class WirePhotos {
    private WirePhotos() {}

    public static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    static byte[] gif(int width, int height) {
        return encode(width, height, "gif");
    }

    /** A JPEG with the given IPTC datasets (record 2) and XMP packet, either may be null. */
    public static byte[] jpegWith(int width, int height, byte[] iptc, String xmp) {
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        if (xmp != null) {
            byte[] payload = concat(
                    "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                    xmp.getBytes(StandardCharsets.UTF_8));
            segment(out, 0xE1, payload);
        }
        if (iptc != null) {
            ByteArrayOutputStream irb = new ByteArrayOutputStream();
            irb.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
            irb.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
            irb.write(0x04);
            irb.write(0x04); // resource id 0x0404: IPTC-NAA
            irb.write(0);
            irb.write(0); // empty Pascal name, padded to even length
            int len = iptc.length;
            irb.write(len >>> 24);
            irb.write(len >>> 16);
            irb.write(len >>> 8);
            irb.write(len);
            irb.writeBytes(iptc);
            if (len % 2 == 1) irb.write(0);
            segment(out, 0xED, irb.toByteArray());
        }
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A JPEG whose pixels are {@code width}×{@code height} with an EXIF orientation tag, as phones write them. */
    static byte[] jpegWithOrientation(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = {
            'E',
            'x',
            'i',
            'f',
            0,
            0,
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8,
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0
        }; // no next IFD
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG header claiming a huge canvas: a few bytes that would decode to gigabytes. */
    static byte[] pngClaiming(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .putInt(0)
                .put("IEND".getBytes(StandardCharsets.US_ASCII))
                .putInt(0xAE426082);
        return png.array();
    }

    /** IPTC IIM builder: UTF-8 declared in record 1, then datasets of record 2. */
    public static final class Iptc {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Iptc() {
            dataset(1, 90, new byte[] {0x1B, 0x25, 0x47}); // coded character set: UTF-8
            dataset(2, 0, new byte[] {0x00, 0x04}); // record version
        }

        public Iptc add(int tag, String value) {
            dataset(2, tag, value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private void dataset(int record, int tag, byte[] value) {
            out.write(0x1C);
            out.write(record);
            out.write(tag);
            out.write(value.length >>> 8);
            out.write(value.length);
            out.writeBytes(value);
        }
    }

    public static String xmp(String description, String credit, String creator, String... subjects) {
        StringBuilder bag = new StringBuilder();
        for (String s : subjects) bag.append("<rdf:li>").append(s).append("</rdf:li>");
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" photoshop:Credit=\"" + credit + "\">"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + description
                + "</rdf:li></rdf:Alt></dc:description>"
                + "<dc:creator><rdf:Seq><rdf:li>" + creator + "</rdf:li></rdf:Seq></dc:creator>"
                + "<dc:subject><rdf:Bag>" + bag + "</rdf:Bag></dc:subject>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int len = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(len >>> 8);
        out.write(len);
        out.writeBytes(payload);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] encode(int width, int height, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x4A6FA5));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
