package org.sitrep.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allowed directions between the app's packages (docs/architecture.md, "Packages and their
 * allowed dependencies"), checked on the application's own classes; and each rule shown to fail
 * on made-up packages that break it ({@code org.sitrep.architecture.fixture}).
 */
class PackageRulesTest {
    private static final String FIXTURE = "org.sitrep.architecture.fixture";

    /** The application's classes (not its tests, not the analysis library, which has rules of its own). */
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/sitrep/analysis/"))
            .importPackages(PackageRules.APP);

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void theAppIsWhatWeCheck() {
        // An import that found nothing would pass every rule below.
        assertThat(APP.stream()
                        .map(c -> PackageRules.feature(PackageRules.APP, c))
                        .distinct())
                .contains("common", "web", "newsroom", "members", "site", "search", "intel", "api");
        assertThat(APP.stream().filter(c -> c.getPackageName().startsWith("org.sitrep.analysis")))
                .isEmpty();
    }

    @Test
    void noPackageCycle() {
        PackageRules.noCycles(PackageRules.APP).check(APP);
    }

    @Test
    void dependenciesGoOnlyTheAllowedWay() {
        PackageRules.directions(PackageRules.APP).check(APP);
    }

    @Test
    void everyPackageHasAPlace() {
        PackageRules.everyPackagePlaced().check(APP);
    }

    @Test
    void noFeatureUsesAnotherFeaturesPersistence() {
        PackageRules.persistenceStaysHome(PackageRules.APP).check(APP);
    }

    @Test
    void theAnalysisLibraryIsUsedThroughItsDoors() {
        PackageRules.analysisThroughItsDoors().check(APP);
    }

    // The rules attacked: each must report the made-up breach, and only that.

    @Test
    void aCycleIsReported() {
        EvaluationResult result = PackageRules.noCycles(FIXTURE + ".cycle").evaluate(FIXTURES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("alpha")
                .contains("beta");
    }

    @Test
    void commonUsingAFeatureIsReported() {
        List<String> details = PackageRules.directions(FIXTURE + ".layers")
                .evaluate(FIXTURES)
                .getFailureReport()
                .getDetails();
        // The made-up app has only two of the layers; the empty ones are reported too, and are not the point.
        assertThat(details.stream().filter(d -> !d.matches("Layer '.*' is empty")))
                .isNotEmpty()
                .allSatisfy(
                        d -> assertThat(d).contains("layers.common.Security").contains("layers.members.Accounts"));
    }

    @Test
    void reachingIntoAnotherFeaturesStoreOrRowMapperIsReported() {
        List<String> details = PackageRules.persistenceStaysHome(FIXTURE + ".persistence")
                .evaluate(FIXTURES)
                .getFailureReport()
                .getDetails();
        assertThat(details)
                .anySatisfy(d -> assertThat(d).contains("beta.Digest").contains("alpha.ClippingStore"));
        assertThat(details)
                .anySatisfy(d -> assertThat(d).contains("gamma.Tally").contains("alpha.ClippingRow"));
        // Calling the other feature's service is the way, and alpha may use its own store.
        assertThat(details).noneSatisfy(d -> assertThat(d).contains("alpha.Clippings."));
        assertThat(details).noneSatisfy(d -> assertThat(d).contains("viaService"));
    }

    @Test
    void anInnerStageOfTheAnalysisLibraryIsReported() {
        List<String> details = PackageRules.analysisThroughItsDoors()
                .evaluate(FIXTURES)
                .getFailureReport()
                .getDetails();
        assertThat(details).anySatisfy(d -> assertThat(d).contains("Backdoor").contains("NewsDateFinder"));
        assertThat(details).noneSatisfy(d -> assertThat(d).contains("analysis.Analyzer"));
    }
}
