package org.sitrep.newsroom;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** The widths readers' browsers choose from via {@code srcset}; an image is never enlarged. */
final class Renditions {
    static final int[] WIDTHS = {320, 640, 1024, 1600};

    private Renditions() {}

    /** The target widths for an original this wide: every standard width below it, or its own width if tiny. */
    static List<Integer> widthsFor(int originalWidth) {
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) if (w <= originalWidth) widths.add(w);
        if (widths.isEmpty()) widths.add(originalWidth);
        return widths;
    }

    /** Applies an EXIF orientation (3: 180°, 6: 90° clockwise, 8: 90° anticlockwise); mirrored values are left alone. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int quarterTurns =
                switch (orientation) {
                    case 3 -> 2;
                    case 6 -> 1;
                    case 8 -> 3;
                    default -> 0;
                };
        if (quarterTurns == 0) return image;
        int w = image.getWidth(), h = image.getHeight();
        boolean swap = quarterTurns % 2 == 1;
        BufferedImage out = new BufferedImage(
                swap ? h : w,
                swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        switch (quarterTurns) {
            case 1 -> {
                t.translate(h, 0);
                t.quadrantRotate(1);
            }
            case 2 -> {
                t.translate(w, h);
                t.quadrantRotate(2);
            }
            default -> {
                t.translate(0, w);
                t.quadrantRotate(3);
            }
        }
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** Scales down in halving steps, which keeps thin lines and text legible where one big bilinear step would alias. */
    static BufferedImage scale(BufferedImage source, int width) {
        int height = Math.max(1, (int) Math.round(source.getHeight() * (double) width / source.getWidth()));
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        int w = source.getWidth(), h = source.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = Math.max(height, h / 2);
            if (w == width) h = height;
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        } while (w > width);
        return current;
    }
}
