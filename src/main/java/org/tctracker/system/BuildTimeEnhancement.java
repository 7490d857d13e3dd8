package org.tctracker.system;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.enhance.spi.EnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.bytecode.spi.ProxyFactoryFactory;
import org.hibernate.bytecode.spi.ReflectionOptimizer;
import org.hibernate.cfg.BytecodeSettings;
import org.hibernate.engine.spi.ManagedEntity;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.service.spi.ServiceContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps Hibernate from generating classes at run time.
 *
 * <p>The build enhances every entity ({@code hibernate-maven-plugin} in the pom), so lazy
 * associations load through the entities themselves. Hibernate would still, on every start, load
 * Byte Buddy, generate a proxy class and an accessor class per entity, and scan the entities for a
 * class transformer that nothing installs: about a thousand classes in memory and close to half a
 * second of start-up on a small machine. With entities enhanced, none of that is needed, so this
 * swaps in Hibernate's "no bytecode" provider.
 *
 * <p>Classes compiled without the build's enhancement step (an IDE's own compiler, for one) would
 * need the proxies, so the swap happens only when the entities are enhanced; otherwise Hibernate
 * keeps its default and a warning says why.
 */
@Configuration(proxyBeanMethods = false)
public class BuildTimeEnhancement implements ServiceContributor {

    private static final Logger log = LoggerFactory.getLogger(BuildTimeEnhancement.class);

    /** Whether the entities went through the build's enhancement step (they all do, or none). */
    static boolean entitiesEnhanced() {
        return ManagedEntity.class.isAssignableFrom(Revision.class);
    }

    /** Hibernate finds this through {@code META-INF/services} while it builds its services. */
    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        if (entitiesEnhanced()) {
            registry.addService(BytecodeProvider.class, new NoRuntimeBytecode());
        } else {
            log.warn("Entities were compiled without Hibernate's enhancement step (run the Maven build);"
                    + " Hibernate will generate proxy classes at start");
        }
    }

    /** The class transformer Hibernate prepares for the JPA container uses the same provider. */
    @Bean
    HibernatePropertiesCustomizer noRuntimeEnhancer() {
        return properties -> {
            if (entitiesEnhanced()) {
                properties.put(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE, new NoRuntimeBytecode());
            }
        };
    }

    /**
     * Hibernate's provider without proxies or reflection optimizers, with an enhancer that leaves
     * classes as they are (they were enhanced at build time).
     */
    static final class NoRuntimeBytecode implements BytecodeProvider {

        private final BytecodeProvider none = new org.hibernate.bytecode.internal.none.BytecodeProviderImpl();

        @Override
        public ProxyFactoryFactory getProxyFactoryFactory() {
            return none.getProxyFactoryFactory();
        }

        @Override
        @SuppressWarnings("removal")
        public ReflectionOptimizer getReflectionOptimizer(
                Class clazz, String[] getterNames, String[] setterNames, Class[] types) {
            return none.getReflectionOptimizer(clazz, getterNames, setterNames, types);
        }

        @Override
        public ReflectionOptimizer getReflectionOptimizer(
                Class<?> clazz, Map<String, PropertyAccess> propertyAccessMap) {
            return none.getReflectionOptimizer(clazz, propertyAccessMap);
        }

        @Override
        public Enhancer getEnhancer(EnhancementContext context) {
            return new Enhancer() {
                @Override
                public byte[] enhance(String className, byte[] originalBytes) {
                    return null;
                }

                @Override
                public void discoverTypes(String className, byte[] originalBytes) {}
            };
        }
    }
}
