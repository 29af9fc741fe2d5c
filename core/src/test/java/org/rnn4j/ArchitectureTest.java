package org.rnn4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md, checked on the compiled main classes of core: each layer
 * lists the layers it may use, and a dependency on anything else (a class, a method, a field, a
 * type in a signature) fails the build with the offending line. Arrows point down:
 *
 * <pre>
 * bench, forecast, classify ─► train ─► io ─► nn (+ nn.recurrent, loss, optim) ─► ops ─► autograd ─► tensor
 *                                        └─► data ─► tensor
 * kernel: used only by nn.recurrent, ops, loss, optim and autograd; rand and the root package: leaves for all
 * </pre>
 *
 * A new arrow is a design decision: change this test and docs/ARCHITECTURE.md together.
 */
class ArchitectureTest {
    private static final String ROOT = "org.rnn4j";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void layersUseOnlyTheLayersBelowThem() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("bench").definedBy(ROOT + ".bench..")
                .layer("onnx").definedBy(ROOT + ".onnx..")
                .layer("forecast").definedBy(ROOT + ".forecast..")
                .layer("classify").definedBy(ROOT + ".classify..")
                .layer("lm").definedBy(ROOT + ".lm..")
                .layer("train").definedBy(ROOT + ".train..")
                .layer("io").definedBy(ROOT + ".io..")
                .layer("data").definedBy(ROOT + ".data..")
                .layer("loss").definedBy(ROOT + ".loss..")
                .layer("optim").definedBy(ROOT + ".optim..")
                .layer("nn.recurrent").definedBy(ROOT + ".nn.recurrent..")
                .layer("nn").definedBy(ROOT + ".nn")
                .layer("ops").definedBy(ROOT + ".ops..")
                .layer("autograd").definedBy(ROOT + ".autograd..")
                .layer("tensor").definedBy(ROOT + ".tensor..")
                .layer("kernel").definedBy(ROOT + ".kernel..")
                .layer("rand").definedBy(ROOT + ".rand..")
                .layer("root").definedBy(ROOT)

                // model files of other frameworks: reads the jobs' models, writes and reads their folders
                .whereLayer("onnx").mayOnlyAccessLayers("forecast", "classify", "train", "io", "data",
                        "nn.recurrent", "nn", "autograd", "tensor", "rand", "root")
                // the workloads of `rnn4j bench`: anything but the kernels (the CLI prepares those)
                .whereLayer("bench").mayOnlyAccessLayers("forecast", "classify", "train", "io", "data",
                        "loss", "optim", "nn.recurrent", "nn", "ops", "autograd", "tensor", "rand", "root")
                // jobs: recipes on train, data and io; independent of each other; never the kernels
                .whereLayer("forecast").mayOnlyAccessLayers("train", "io", "data",
                        "loss", "optim", "nn.recurrent", "nn", "ops", "autograd", "tensor", "rand", "root")
                .whereLayer("classify").mayOnlyAccessLayers("train", "io", "data",
                        "loss", "optim", "nn.recurrent", "nn", "ops", "autograd", "tensor", "rand", "root")
                .whereLayer("lm").mayOnlyAccessLayers("train", "io", "data",
                        "loss", "optim", "nn.recurrent", "nn", "ops", "autograd", "tensor", "rand", "root")
                // the one training loop: models, losses, optimizers, checkpoints (io) and batches (data)
                .whereLayer("train").mayOnlyAccessLayers("io", "data",
                        "loss", "optim", "nn.recurrent", "nn", "ops", "autograd", "tensor", "rand", "root")
                // files: tensors, modules and optimizer state in, vocabularies from data
                .whereLayer("io").mayOnlyAccessLayers("data", "optim", "nn.recurrent", "nn", "autograd", "tensor",
                        "rand", "root")
                // readers, vocabularies, encoders, batches: tensors out, nothing of models or files
                .whereLayer("data").mayOnlyAccessLayers("tensor", "rand", "root")
                .whereLayer("loss").mayOnlyAccessLayers("ops", "autograd", "tensor", "kernel", "rand", "root")
                .whereLayer("optim").mayOnlyAccessLayers("nn", "autograd", "tensor", "kernel", "rand", "root")
                .whereLayer("nn.recurrent").mayOnlyAccessLayers("nn", "ops", "autograd", "tensor", "kernel", "rand", "root")
                // modules compose ops; their arithmetic is in ops, not in direct kernel calls
                .whereLayer("nn").mayOnlyAccessLayers("ops", "autograd", "tensor", "rand", "root")
                .whereLayer("ops").mayOnlyAccessLayers("autograd", "tensor", "kernel", "rand", "root")
                // gradients accumulate through the kernels' axpy
                .whereLayer("autograd").mayOnlyAccessLayers("tensor", "kernel", "rand", "root")
                .whereLayer("tensor").mayOnlyAccessLayers("rand", "root")
                // the one numeric seam: float[] in, float[] out; knows no tensor, no graph
                .whereLayer("kernel").mayOnlyAccessLayers("rand", "root")
                .whereLayer("rand").mayNotAccessAnyLayer()
                .whereLayer("root").mayNotAccessAnyLayer()

                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("onnx").mayNotBeAccessedByAnyLayer()
                .whereLayer("forecast").mayOnlyBeAccessedByLayers("bench", "onnx")
                .whereLayer("classify").mayOnlyBeAccessedByLayers("bench", "onnx")
                .whereLayer("lm").mayOnlyBeAccessedByLayers("bench", "onnx")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("nn.recurrent", "ops", "loss", "optim", "autograd");
        layers.check(classes);
    }

    @Test
    void everyClassIsInALayer() {
        // a new top-level package must be placed in layersUseOnlyTheLayersBelowThem before it can be used
        noClasses().should().resideOutsideOfPackages(ROOT, ROOT + ".bench..", ROOT + ".onnx..", ROOT + ".forecast..",
                ROOT + ".classify..", ROOT + ".lm..", ROOT + ".train..", ROOT + ".io..", ROOT + ".data..", ROOT + ".loss..",
                ROOT + ".optim..", ROOT + ".nn", ROOT + ".nn.recurrent..", ROOT + ".ops..", ROOT + ".autograd..",
                ROOT + ".tensor..", ROOT + ".kernel..", ROOT + ".rand..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheSimdKernelsUseTheVectorApi() {
        // everything else must load and run in a JVM started without --add-modules jdk.incubator.vector
        noClasses().that().resideOutsideOfPackage(ROOT + ".kernel.simd..")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .check(classes);
    }

    @Test
    void coreNeverUsesTheCli() {
        noClasses().should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..").check(classes);
    }

    @Test
    void theLibraryNeverPrints() {
        // progress goes to listeners, problems to exceptions; only the CLI writes to the terminal
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }
}
