package org.sitrep.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;

/**
 * The app's package rules, written once so that {@link PackageRulesTest} can check them on the
 * application and on small made-up packages that break them (each rule is shown to fail).
 * docs/architecture.md explains them in words; change both together.
 */
final class PackageRules {
    static final String APP = "org.sitrep";

    /** Features that own tables and services; they may use each other (never in a circle). */
    static final String[] FEATURES = {
        "newsroom", "members", "payments", "paywall", "search", "ingest", "intel", "newsletters", "licences"
    };

    /** Features that read the others and nobody uses: the public site, the data API and the tracker. */
    static final String[] READERS = {"site", "api", "tracker", "monitors"};

    /**
     * The analysis library's doors besides its root package ({@code Analyzer}, {@code Document},
     * {@code Analysis} and the result types): gazetteer look-ups for review, place pages and the map;
     * the HTML cleaner ingest shares; the taxonomy; loading a retrained event model and the actor-role model beside it. A new door is a
     * decision, taken here.
     */
    static final Set<String> ANALYSIS_DOORS = Set.of(
            "org.sitrep.analysis.places.Gazetteer",
            "org.sitrep.analysis.places.GazetteerEntry",
            "org.sitrep.analysis.places.Geoparser",
            "org.sitrep.analysis.places.NameKey",
            "org.sitrep.analysis.text.WebPage",
            "org.sitrep.analysis.evaluation.AcledTaxonomy",
            "org.sitrep.analysis.events.LearnedEventClassifier",
            "org.sitrep.analysis.events.EventClassifier",
            "org.sitrep.analysis.events.ActorRolePicker",
            // Retraining from analysts' corrections: the training side's own narrow door.
            "org.sitrep.analysis.training.Retraining",
            "org.sitrep.analysis.training.LearnedModels",
            "org.sitrep.analysis.training.TrainingCorpus",
            "org.sitrep.analysis.training.HeldOut");

    private PackageRules() {}

    /** No two packages below {@code root} use each other, however indirectly. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * common at the bottom (uses no other package), the web shell above it (uses only common),
     * features above those, and the readers on top; the application class sees everything.
     */
    static ArchRule directions(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Application")
                .definedBy(root)
                .layer("Common")
                .definedBy(root + ".common..")
                .layer("Web shell")
                .definedBy(root + ".web..")
                .layer("Features")
                .definedBy(packages(root, FEATURES))
                .layer("Readers")
                .definedBy(packages(root, READERS))
                .whereLayer("Common")
                .mayNotAccessAnyLayer()
                .whereLayer("Web shell")
                .mayOnlyAccessLayers("Common")
                .whereLayer("Features")
                .mayOnlyAccessLayers("Common", "Web shell")
                .whereLayer("Readers")
                .mayOnlyAccessLayers("Common", "Web shell", "Features")
                .whereLayer("Readers")
                .mayOnlyBeAccessedByLayers("Application");
    }

    /** Every top-level package under org.sitrep is one of the above: a new one must be placed. */
    static ArchRule everyPackagePlaced() {
        String[] known = new String[FEATURES.length + READERS.length + 3];
        known[0] = APP;
        known[1] = APP + ".common..";
        known[2] = APP + ".web..";
        String[] placed = packages(APP, FEATURES);
        System.arraycopy(placed, 0, known, 3, placed.length);
        System.arraycopy(packages(APP, READERS), 0, known, 3 + placed.length, READERS.length);
        return classes()
                .that()
                .resideOutsideOfPackage("org.sitrep.analysis..")
                .should()
                .resideInAnyPackage(known)
                .because("each package needs a place in the allowed directions (PackageRules, docs/architecture.md)");
    }

    /**
     * A feature's persistence classes are its own: classes named {@code *Store}, {@code *Repository},
     * {@code *Dao} or {@code *Rows}, and JDBC row mappers and result-set extractors, are used only inside
     * the feature (the top-level package under {@code root}) that declares them. Others call its services.
     */
    static ArchRule persistenceStaysHome(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use no other feature's persistence classes") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String home = feature(root, origin);
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (!target.getPackageName().startsWith(root + ".") || !isPersistence(target)) continue;
                            if (!feature(root, target).equals(home))
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                });
    }

    /** The app reaches the analysis library through its root package and {@link #ANALYSIS_DOORS} only. */
    static ArchRule analysisThroughItsDoors() {
        DescribedPredicate<JavaClass> door = new DescribedPredicate<>("its root package or a named door") {
            @Override
            public boolean test(JavaClass c) {
                String name = c.getName();
                int nested = name.indexOf('$');
                String outer = nested < 0 ? name : name.substring(0, nested);
                return c.getPackageName().equals("org.sitrep.analysis") || ANALYSIS_DOORS.contains(outer);
            }
        };
        return noClasses()
                .that()
                .resideInAPackage(APP + "..")
                .and()
                .resideOutsideOfPackage("org.sitrep.analysis..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.sitrep.analysis..")
                        .and(not(door)))
                .because("the analysis library is a deep module behind a narrow door (docs/architecture.md)");
    }

    static boolean isPersistence(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent())
            outer = outer.getEnclosingClass().get();
        String name = outer.getSimpleName();
        return name.endsWith("Store")
                || name.endsWith("Repository")
                || name.endsWith("Dao")
                || name.endsWith("Rows")
                || c.isAssignableTo(RowMapper.class)
                || c.isAssignableTo(ResultSetExtractor.class);
    }

    /** The first package name under {@code root}: the feature a class belongs to ("" for root's own classes). */
    static String feature(String root, JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.length() <= root.length()) return "";
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String[] packages(String root, String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) out[i] = root + "." + names[i] + "..";
        return out;
    }
}
