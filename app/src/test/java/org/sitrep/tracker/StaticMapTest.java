package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The server-drawn map, from the basemap the build ships (no Spring, no network). */
class StaticMapTest {
    private static final StaticMap MAP = new StaticMap();
    private static final StaticMap.Box SYRIA = new StaticMap.Box(35, 32, 43, 37.5);

    @Test
    void landSeaAndMarkersArePaintedWhereTheyAre() throws Exception {
        StaticMap.Point aleppo = new StaticMap.Point(36.20, 37.16, "Battles");
        StaticMap.Picture picture =
                MAP.draw(List.of(aleppo, new StaticMap.Point(33.51, 36.29, "Protests")), SYRIA, "Syria");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        StaticMap.Projection p = StaticMap.Projection.fit(SYRIA, 800, 500);
        // the Mediterranean off Cyprus is sea, the Syrian desert near Palmyra is land
        assertThat(colour(image, p, 34.0, 35.3)).isEqualTo(new Color(0xD7E6F0));
        assertThat(colour(image, p, 34.55, 38.9)).isEqualTo(new Color(0xF4F1EA));
        // a battle in Aleppo: its type's colour in the marker, above its letter
        int x = (int) Math.round(p.px(aleppo.lon())), y = (int) Math.round(p.py(aleppo.lat()));
        assertThat(new Color(image.getRGB(x, y - 5))).isEqualTo(new Color(0xE69F00));
        assertThat(picture.shown().west()).isLessThanOrEqualTo(SYRIA.west());
        assertThat(picture.shown().east()).isGreaterThanOrEqualTo(SYRIA.east());
        assertThat(picture.shown().south()).isLessThanOrEqualTo(SYRIA.south());
        assertThat(picture.shown().north()).isGreaterThanOrEqualTo(SYRIA.north());
    }

    @Test
    void theSvgIsTheSameMapAsTextWithLettersLegendAndCredit() throws Exception {
        StaticMap.Picture picture = MAP.draw(
                List.of(
                        new StaticMap.Point(36.2, 37.16, "Battles"),
                        new StaticMap.Point(36.0, 37.0, "Battles"),
                        new StaticMap.Point(33.5, 36.3, "Explosions/Remote violence")),
                SYRIA,
                "Events in Syria");
        Document svg = parse(picture.svg());
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Events in Syria");
        List<String> texts = texts(svg);
        assertThat(texts).contains("Battles: 2", "Explosions/Remote violence: 1", StaticMap.CREDIT);
        assertThat(texts.stream().filter("B"::equals).count()).isEqualTo(3); // two markers and the legend
        assertThat(texts.stream().filter("E"::equals).count()).isEqualTo(2);
        // country outlines and the dashed admin-1 borders are drawn
        List<org.w3c.dom.Element> paths = drawnPaths(svg);
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).getAttribute("d").length()).isGreaterThan(1000);
        assertThat(paths.get(1).getAttribute("stroke-dasharray")).isNotEmpty();
    }

    @Test
    void hostileTitlesAndTypesAreTextNotMarkup() throws Exception {
        StaticMap.Picture picture = MAP.draw(
                List.of(new StaticMap.Point(36, 37, "<script>alert(1)</script>")),
                null,
                "</title><script>alert(1)</script>");
        assertThat(picture.svg()).doesNotContain("<script>");
        Document svg = parse(picture.svg());
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("</title><script>alert(1)</script>");
        assertThat(texts(svg)).contains("?", "Other: 1");
    }

    @Test
    void withoutABoxTheMapFitsThePointsAndBadPointsAreSkipped() {
        StaticMap.Picture picture = MAP.draw(
                List.of(
                        new StaticMap.Point(15.35, 44.2, "Battles"),
                        new StaticMap.Point(Double.NaN, 10, "Battles"),
                        new StaticMap.Point(95, 10, "Battles")),
                null,
                "Yemen");
        assertThat(picture.shown().west()).isBetween(40.0, 44.2);
        assertThat(picture.shown().east()).isBetween(44.2, 50.0);
        assertThat(picture.svg()).contains("Battles: 1");
    }

    @Test
    void anEmptyMapSaysSoAndNonsenseSizesAreRefused() {
        assertThat(MAP.draw(List.of(), null, "Nothing").svg()).contains("No located events");
        assertThatThrownBy(() -> MAP.draw(List.of(), null, "x", 10, 10_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaticMap.Box(40, 0, 30, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyPointsLoseTheirLettersButKeepTheLegend() throws Exception {
        List<StaticMap.Point> many = java.util.stream.IntStream.range(0, StaticMap.LETTERED_POINTS + 1)
                .mapToObj(i -> new StaticMap.Point(33 + (i % 40) * 0.1, 36 + (i / 40) * 0.1, "Riots"))
                .toList();
        List<String> texts = texts(parse(MAP.draw(many, SYRIA, "Riots").svg()));
        assertThat(texts.stream().filter("R"::equals).count()).isEqualTo(1);
        assertThat(texts).contains("Riots: " + many.size());
    }

    @Test
    void aChangeMapPointsUpForMoreAndDownForFewerWithSignedLabels() throws Exception {
        StaticMap.Picture picture = MAP.drawChanges(
                List.of(
                        new StaticMap.Change(36.2, 37.1, "Aleppo", 12, 3.0),
                        new StaticMap.Change(33.5, 36.3, "Damascus", 1, 4.0),
                        new StaticMap.Change(35.0, 38.5, "Hama", 2, 2.0)),
                SYRIA,
                "Change in Syria");
        Document svg = parse(picture.svg());
        assertThat(texts(svg)).contains("+9", "\u22123", "\u00b10", StaticMap.CREDIT);
        List<org.w3c.dom.Element> triangles = drawnPaths(svg).stream()
                .filter(e ->
                        e.getAttribute("d").endsWith("Z") && e.getAttribute("d").split("L").length == 3)
                .toList();
        assertThat(triangles).extracting(e -> e.getAttribute("fill")).contains("#d55e00", "#0072b2");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        StaticMap.Projection p = StaticMap.Projection.fit(SYRIA, 800, 500);
        assertThat(new Color(image.getRGB((int) p.px(37.1), (int) p.py(36.2)))).isEqualTo(new Color(0xD55E00));
        assertThat(new Color(image.getRGB((int) p.px(36.3), (int) p.py(33.5)))).isEqualTo(new Color(0x0072B2));
    }

    /** Paths drawn on the map, not those inside the pattern definitions. */
    private static List<org.w3c.dom.Element> drawnPaths(Document svg) {
        NodeList nodes = svg.getElementsByTagName("path");
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (org.w3c.dom.Element) nodes.item(i))
                .filter(e -> !"pattern".equals(e.getParentNode().getNodeName()))
                .toList();
    }

    private static Color colour(BufferedImage image, StaticMap.Projection p, double lat, double lon) {
        return new Color(image.getRGB((int) Math.round(p.px(lon)), (int) Math.round(p.py(lat))));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }
}
