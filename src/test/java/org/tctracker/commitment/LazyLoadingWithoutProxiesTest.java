package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.Hibernate;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.ManagedEntity;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.cycle.Cycle;

/**
 * The build enhances the entities, so Hibernate loads lazy associations without generating proxy
 * classes (see {@code BuildTimeEnhancement}).
 */
@SpringBootTest
class LazyLoadingWithoutProxiesTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyEntityIsEnhancedAtBuildTimeAndHibernateGeneratesNoClasses() {
        assertThat(entityManagerFactory.getMetamodel().getEntities())
                .extracting(EntityType::getJavaType)
                .isNotEmpty()
                .allSatisfy(type -> assertThat(ManagedEntity.class).isAssignableFrom(type));

        BytecodeProvider provider = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(BytecodeProvider.class);
        assertThat(provider.getClass().getName())
                .isEqualTo("org.tctracker.system.BuildTimeEnhancement$NoRuntimeBytecode");
    }

    @Test
    void aLazyAssociationIsTheEntityItselfAndLoadsOnFirstRead() {
        transactions.executeWithoutResult(status -> {
            Commitment commitment = entityManager
                    .createQuery(
                            "select c from Commitment c where c.position = 1 and c.cycle.slug = 'mitaka'",
                            Commitment.class)
                    .getSingleResult();

            Cycle cycle = commitment.getCycle();
            assertThat(cycle.getClass()).isEqualTo(Cycle.class);
            assertThat(Hibernate.isInitialized(cycle)).isFalse();

            assertThat(cycle.getName()).isEqualTo("Mitaka");
            assertThat(Hibernate.isInitialized(cycle)).isTrue();
        });
    }
}
