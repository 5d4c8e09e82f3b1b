package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.cli.SitrepCli;
import picocli.CommandLine;

class GeoNamesDumpTest {
    static Path sample() throws URISyntaxException {
        return Path.of(GeoNamesDumpTest.class
                        .getResource("/geonames-sample/allCountries.txt")
                        .toURI())
                .getParent();
    }

    @Test
    void readsPlacesDivisionsAndAlternateNames() throws Exception {
        List<GazetteerEntry> entries = GeoNamesDump.readDirectory(sample(), 1000);
        GazetteerEntry aleppo =
                entries.stream().filter(e -> e.id() == 170063).findFirst().orElseThrow();
        assertThat(aleppo.admin1()).isEqualTo("Aleppo");
        assertThat(aleppo.featureCode()).isEqualTo("PPLA");
        // from the row's own column and from alternateNamesV2 (but not links, airport codes or Arabic script)
        assertThat(aleppo.alternateNames())
                .contains("Halab", "Haleb")
                .doesNotContain("ALP", "حلب")
                .noneMatch(a -> a.startsWith("http"));
        GazetteerEntry governorate =
                entries.stream().filter(e -> e.id() == 170062).findFirst().orElseThrow();
        assertThat(governorate.precision()).isEqualTo(Precision.ADMIN1);
        assertThat(governorate.alternateNames()).contains("Aleppo Governorate", "Aleppo Province");
        // population filter, broken rows and alternate names of unknown places are skipped, not fatal
        assertThat(entries)
                .noneMatch(e -> e.name().equals("Smallville")
                        || e.name().equals("Broken row")
                        || e.name().equals("Nowhere"));
        // Latakia has a place (Kassab) but no ADM1 row: it is placed where its places are
        GazetteerEntry latakia = entries.stream()
                .filter(e -> e.name().equals("Latakia"))
                .findFirst()
                .orElseThrow();
        assertThat(latakia.featureCode()).isEqualTo("ADM1");
        assertThat(latakia.id()).isEqualTo(173576);
        assertThat(latakia.lat()).isCloseTo(35.92, org.assertj.core.data.Offset.offset(0.01));
        // Lebanon and Libya have places but no PCLI row: countryInfo names them
        assertThat(entries)
                .anyMatch(e -> e.name().equals("Lebanon") && e.precision() == Precision.COUNTRY && e.id() == 272103);
    }

    @Test
    void lowerPopulationThresholdKeepsSmallPlaces() throws Exception {
        assertThat(GeoNamesDump.readDirectory(sample(), 100))
                .anyMatch(e -> e.name().equals("Smallville"));
    }

    @Test
    void folderWithoutFeatureFileIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> GeoNamesDump.readDirectory(empty, 1000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no GeoNames feature file");
    }

    @Test
    void importCommandWritesAGazetteerTheGeoparserUses(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sample.gaz");
        StringWriter stdout = new StringWriter();
        CommandLine cli = new CommandLine(new SitrepCli()).setOut(new PrintWriter(stdout));
        int code = cli.execute("gazetteer", "import", "--geonames", sample().toString(), "--out", out.toString());
        assertThat(code).isZero();
        assertThat(stdout.toString()).contains("wrote").contains("SITREP_GAZETTEER");
        assertThat(Files.size(out)).isPositive();

        Geoparser parser = new Geoparser(Gazetteer.load(out));
        List<Place> places = parser.find("Shelling hit Haleb and Tripoli, Lebanon, as well as Kesab.");
        assertThat(places).extracting(Place::gazetteerId).contains(170063L, 266826L, 172955L);
    }

    @Test
    void configurationNamesAnImportedGazetteer(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("imported.gaz");
        GazetteerFile.write(GeoNamesDump.readDirectory(sample(), 1000), out);
        System.setProperty(Gazetteer.OVERRIDE, out.toString());
        try {
            Gazetteer g = Gazetteer.loadDefault();
            assertThat(g.size()).isLessThan(1000); // the sample, not the bundled world
            assertThat(g.named("Haleb")).extracting(GazetteerEntry::id).containsExactly(170063L);
            System.setProperty(Gazetteer.OVERRIDE, tmp.resolve("missing.gaz").toString());
            assertThatThrownBy(Gazetteer::loadDefault).hasMessageContaining("missing.gaz");
        } finally {
            System.clearProperty(Gazetteer.OVERRIDE);
        }
    }

    @Test
    void importCommandReportsAMissingFolder(@TempDir Path tmp) {
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new SitrepCli()).setErr(new PrintWriter(stderr));
        int code = cli.execute(
                "gazetteer", "import", "--geonames", tmp.resolve("nope").toString());
        assertThat(code).isNotZero();
        assertThat(stderr.toString()).contains("no such folder");
    }

    @Test
    void compactFileRoundTripsAndRejectsOtherFiles(@TempDir Path tmp) throws Exception {
        List<GazetteerEntry> entries = GeoNamesDump.readDirectory(sample(), 1000);
        Path f = tmp.resolve("g.gaz");
        GazetteerFile.write(entries, f);
        assertThat(GazetteerFile.readAll(f)).hasSameSizeAs(entries).anyMatch(e -> e.id() == 170063);
        assertThat(Gazetteer.load(f).byExactKey("haleb")).hasSize(1);
        Path junk = tmp.resolve("junk.gaz");
        Files.writeString(junk, "not a gazetteer");
        assertThatThrownBy(() -> Gazetteer.load(junk)).isInstanceOf(IOException.class);
    }
}
