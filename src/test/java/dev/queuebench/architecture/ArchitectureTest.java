package dev.queuebench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.StandardCopyOption;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.queuebench.rundir.JsonFiles;

/**
 * The architecture of docs/layout.md, checked on the compiled main code (the jar's classes: main,
 * simulations and jmh roots; not the tests): the run directory has one owner, imports run one way,
 * and no packages import each other in a circle.
 */
class ArchitectureTest {
    private static final String RUNDIR = "dev.queuebench.rundir..";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.queuebench");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void theRunDirectoryPackageImportsNothingOfTheHarness() {
        check(noClasses().that().resideInAPackage(RUNDIR).should().dependOnClassesThat()
                .resideInAnyPackage("dev.queuebench.analysis..", "dev.queuebench.load..", "dev.queuebench.record..",
                        "dev.queuebench.metrics..", "dev.queuebench.gate..", "dev.queuebench.plan..",
                        "dev.queuebench.report..", "dev.queuebench.cli..", "dev.queuebench.gateway..",
                        "dev.queuebench.redis..", "dev.queuebench.bench..", "dev.queuebench.simulations..",
                        "dev.queuebench.jmh..", "dev.queuebench.profile.."));
    }

    @Test
    void onlyTheRunDirectoryPackageWritesAndReadsTheLatencyLog() {
        check(noClasses().that().resideOutsideOfPackage(RUNDIR).should().dependOnClassesThat()
                .belongToAnyOf(HistogramLogReader.class, HistogramLogWriter.class)
                .because("latency.hlog has one reader and one writer, in dev.queuebench.rundir"));
    }

    @Test
    void oneConfiguredJsonMapper() {
        check(noClasses().that().resideOutsideOfPackages(RUNDIR, "dev.queuebench.gateway..").should()
                .callConstructor(ObjectMapper.class)
                .because("JSON files share rundir.JsonFiles.JSON (the gateway's HTTP bodies have their own rules)"));
    }

    @Test
    void oneAtomicWrite() {
        check(noClasses().that().resideOutsideOfPackage(RUNDIR).should().accessField(StandardCopyOption.class,
                "ATOMIC_MOVE").because("whole files are written through rundir.AtomicFiles"));
    }

    @Test
    void importsRunOneWay() {
        check(noClasses().that().resideInAPackage("dev.queuebench.analysis..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.queuebench.load..", "dev.queuebench.record..", "dev.queuebench.cli..",
                        "dev.queuebench.gate..", "dev.queuebench.plan..", "dev.queuebench.report.."));
        check(noClasses().that().resideInAPackage("dev.queuebench.metrics..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.queuebench.load..", "dev.queuebench.record..", "dev.queuebench.analysis..",
                        "dev.queuebench.cli.."));
        check(noClasses().that().resideInAnyPackage("dev.queuebench.gate..", "dev.queuebench.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.queuebench.analysis..",
                        "dev.queuebench.load..", "dev.queuebench.record..", "dev.queuebench.metrics..")
                .because("compare, gate and plan read summary.json and the per-second files through rundir"));
        check(noClasses().that().resideOutsideOfPackage("dev.queuebench.jmh..").should().dependOnClassesThat()
                .resideInAPackage("dev.queuebench.jmh..")
                .because("the jmh/ source root depends on main code, never the reverse"));
    }

    @Test
    void noPackagesImportEachOtherInACircle() {
        check(slices().matching("dev.queuebench.(**)").should().beFreeOfCycles());
    }
}
