package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RenditionsTest {
    @Test
    void widthsAreNeverLargerThanTheOriginal() {
        assertThat(Renditions.widthsFor(4000)).containsExactly(320, 640, 1024, 1600);
        assertThat(Renditions.widthsFor(1024)).containsExactly(320, 640, 1024);
        assertThat(Renditions.widthsFor(700)).containsExactly(320, 640);
        assertThat(Renditions.widthsFor(90)).containsExactly(90);
    }

    @Test
    void scalingKeepsTheAspectRatio() {
        BufferedImage scaled = Renditions.scale(new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB), 640);
        assertThat(scaled.getWidth()).isEqualTo(640);
        assertThat(scaled.getHeight()).isEqualTo(427);
    }

    @Test
    void exifOrientationTurnsThePixelsUpright() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000); // red in the top-left corner
        BufferedImage cw = Renditions.upright(img, 6);
        assertThat(cw.getWidth()).isEqualTo(2);
        assertThat(cw.getHeight()).isEqualTo(4);
        assertThat(cw.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000); // top-left goes top-right
        BufferedImage half = Renditions.upright(img, 3);
        assertThat(half.getRGB(3, 1) & 0xFFFFFF).isEqualTo(0xFF0000); // to bottom-right
        BufferedImage ccw = Renditions.upright(img, 8);
        assertThat(ccw.getRGB(0, 3) & 0xFFFFFF).isEqualTo(0xFF0000); // to bottom-left
        assertThat(Renditions.upright(img, 1)).isSameAs(img);
    }
}
