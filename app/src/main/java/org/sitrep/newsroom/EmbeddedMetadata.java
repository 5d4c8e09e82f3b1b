package org.sitrep.newsroom;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a wire photo says about itself in its IPTC and XMP blocks: the caption, the credit
 * ("REUTERS/Jane Smith"), keywords and the picture id. IPTC wins where both are present, as
 * agencies fill it first. Files without metadata, or with broken metadata, give empty fields.
 */
public record EmbeddedMetadata(String caption, String credit, String pictureId, List<String> keywords) {

    public static final EmbeddedMetadata NONE = new EmbeddedMetadata("", "", "", List.of());

    public static EmbeddedMetadata read(byte[] image) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
        } catch (Exception | StackOverflowError e) {
            return NONE; // unreadable metadata must never block an upload of a readable image
        }
        String caption = "", credit = "", byline = "", objectName = "", transmission = "";
        Set<String> keywords = new LinkedHashSet<>();
        for (IptcDirectory iptc : metadata.getDirectoriesOfType(IptcDirectory.class)) {
            caption = first(caption, iptc.getString(IptcDirectory.TAG_CAPTION));
            credit = first(credit, iptc.getString(IptcDirectory.TAG_CREDIT));
            byline = first(byline, iptc.getString(IptcDirectory.TAG_BY_LINE));
            objectName = first(objectName, iptc.getString(IptcDirectory.TAG_OBJECT_NAME));
            transmission = first(transmission, iptc.getString(IptcDirectory.TAG_ORIGINAL_TRANSMISSION_REFERENCE));
            String[] words = iptc.getStringArray(IptcDirectory.TAG_KEYWORDS);
            if (words != null) for (String w : words) add(keywords, w);
        }
        for (XmpDirectory xmpDir : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            XMPMeta xmp = xmpDir.getXMPMeta();
            if (xmp == null) continue;
            try {
                caption = first(
                        caption, text(xmp.getLocalizedText(XMPConst.NS_DC, "description", null, XMPConst.X_DEFAULT)));
                credit = first(credit, xmp.getPropertyString(XMPConst.NS_PHOTOSHOP, "Credit"));
                if (xmp.doesPropertyExist(XMPConst.NS_DC, "creator")
                        && xmp.countArrayItems(XMPConst.NS_DC, "creator") > 0) {
                    byline = first(byline, text(xmp.getArrayItem(XMPConst.NS_DC, "creator", 1)));
                }
                transmission =
                        first(transmission, xmp.getPropertyString(XMPConst.NS_PHOTOSHOP, "TransmissionReference"));
                objectName = first(
                        objectName,
                        text(
                                xmp.doesPropertyExist(XMPConst.NS_DC, "title")
                                        ? xmp.getLocalizedText(XMPConst.NS_DC, "title", null, XMPConst.X_DEFAULT)
                                        : null));
                if (xmp.doesPropertyExist(XMPConst.NS_DC, "subject")) {
                    int n = xmp.countArrayItems(XMPConst.NS_DC, "subject");
                    for (int i = 1; i <= n; i++) add(keywords, text(xmp.getArrayItem(XMPConst.NS_DC, "subject", i)));
                }
            } catch (XMPException | RuntimeException e) {
                // a malformed XMP packet: keep whatever IPTC gave
            }
        }
        return new EmbeddedMetadata(
                caption,
                joinCredit(credit, byline),
                first(objectName, transmission),
                List.copyOf(new ArrayList<>(keywords)));
    }

    /** "REUTERS" and "Jane Smith" → "REUTERS/Jane Smith", the way wire credits read. */
    static String joinCredit(String credit, String byline) {
        if (credit.isEmpty()) return byline;
        if (byline.isEmpty() || credit.toLowerCase().contains(byline.toLowerCase())) return credit;
        return credit + "/" + byline;
    }

    private static String text(Object property) {
        if (property == null) return null;
        if (property instanceof com.adobe.internal.xmp.properties.XMPProperty p) return p.getValue();
        return property.toString();
    }

    private static String first(String current, String candidate) {
        if (!current.isEmpty() || candidate == null) return current;
        return candidate.strip().replaceAll("\\p{Cntrl}", " ");
    }

    private static void add(Set<String> keywords, String word) {
        if (word == null) return;
        String w = word.strip();
        if (!w.isEmpty() && w.length() <= 100) keywords.add(w.replace(",", " "));
    }
}
