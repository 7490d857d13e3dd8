package org.tctracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.tctracker.account.TrackerUser;

/**
 * Who may do what is decided in one layer: the address rules and {@code @AdminsOnly} for what is
 * for admins, the services (through {@code CommitmentPermissions}) for what is a person's own.
 * A controller asks the service for what it shows and never refuses anyone itself.
 */
class AuthorizationLayerTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tctracker");

    @Test
    void noControllerRefusesAnyoneItself() {
        noClasses()
                .that()
                .resideInAPackage("org.tctracker..web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(AccessDeniedException.class)
                .because("refusals belong to the security rules and the services")
                .check(MAIN);
    }

    @Test
    void noControllerDecidesWhatAnAdminMay() {
        noClasses()
                .that()
                .resideInAPackage("org.tctracker..web..")
                .should()
                .callMethod(TrackerUser.class, "isAdmin")
                .because("what admins may do is said by the address rules and @AdminsOnly")
                .check(MAIN);
    }
}
