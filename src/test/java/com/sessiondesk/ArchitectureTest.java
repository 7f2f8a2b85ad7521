package com.sessiondesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes. A broken rule
 * fails with each offending dependency: the class (and line) that uses, and the class it uses.
 */
@AnalyzeClasses(packages = "com.sessiondesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CLIENT = "com.sessiondesk.client..";
    private static final String SERVER = "com.sessiondesk.server..";
    private static final String ROUTES = "com.sessiondesk.server.http..";
    private static final String STORE = "com.sessiondesk.server.store..";

    /** Every package is a slice (the root package too): no two depend on each other, even through others. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("(com.sessiondesk..)").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theServerNeverUsesTheClient = noClasses().that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAPackage(CLIENT);

    /** The shared client pieces sit below every view: they use no other client package. */
    @ArchTest
    static final ArchRule clientCommonUsesNoOtherClientPackage = noClasses()
            .that().resideInAPackage("com.sessiondesk.client.common..")
            .should().dependOnClassesThat(resideInAPackage(CLIENT)
                    .and(not(resideInAPackage("com.sessiondesk.client.common.."))));

    @ArchTest
    static final ArchRule aViewModelNeverUsesAController = noClasses()
            .that().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().haveNameMatching(".*Controller(\\$.*)?");

    /**
     * The routes are the server's top: below them only the server's own wiring (the package
     * {@code server}, which starts the service) knows them; any package between the routes and the
     * SQL (a service layer) fits without a change here.
     */
    @ArchTest
    static final ArchRule nothingBelowTheRoutesUsesThem = noClasses()
            .that().resideInAPackage(SERVER)
            .and().resideOutsideOfPackages("com.sessiondesk.server", ROUTES)
            .should().dependOnClassesThat().resideInAPackage(ROUTES);

    /** The SQL is the server's bottom: it uses no server package but its own and the security primitives. */
    @ArchTest
    static final ArchRule theStoreUsesNothingAboveIt = noClasses()
            .that().resideInAPackage(STORE)
            .should().dependOnClassesThat(resideInAPackage(SERVER)
                    .and(not(resideInAnyPackage(STORE, "com.sessiondesk.server.security.."))));

    /** The API's records and interface are the contract both sides compile against: they use neither side. */
    @ArchTest
    static final ArchRule theContractUsesNeitherSide = noClasses()
            .that().resideInAPackage("com.sessiondesk.api..")
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, SERVER, "com.sessiondesk.simulate..");
}
