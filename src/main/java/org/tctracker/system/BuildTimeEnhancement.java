package org.tctracker.system;

import jakarta.persistence.Entity;
import java.util.List;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

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
 * <p>Classes compiled without the build's enhancement step (an IDE's own compiler, for one, even for
 * a single edited entity) would need the proxies, so the swap happens only when every entity is
 * enhanced; otherwise Hibernate keeps its default and a warning names the entities.
 */
@Configuration(proxyBeanMethods = false)
public class BuildTimeEnhancement implements ServiceContributor {

    private static final Logger log = LoggerFactory.getLogger(BuildTimeEnhancement.class);

    /** Set by the properties customizer below when every entity is enhanced, read by Hibernate. */
    static final String ALL_ENHANCED = "tracker.hibernate.all-entities-enhanced";

    /** Hibernate finds this through {@code META-INF/services} while it builds its services. */
    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        if (Boolean.TRUE.equals(registry.getSettings().get(ALL_ENHANCED))) {
            registry.addService(BytecodeProvider.class, new NoRuntimeBytecode());
        }
    }

    /** The class transformer Hibernate prepares for the JPA container uses the same provider. */
    @Bean
    HibernatePropertiesCustomizer noRuntimeEnhancer(ObjectProvider<PersistenceManagedTypes> managedTypes) {
        return properties -> {
            PersistenceManagedTypes types = managedTypes.getIfAvailable();
            if (types == null) {
                return;
            }
            List<String> plain = types.getManagedClassNames().stream()
                    .filter(name -> !enhanced(name))
                    .toList();
            if (plain.isEmpty()) {
                properties.put(ALL_ENHANCED, Boolean.TRUE);
                properties.put(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE, new NoRuntimeBytecode());
            } else {
                log.warn(
                        "Compiled without Hibernate's enhancement step (run the Maven build): {};"
                                + " Hibernate will generate proxy classes at start",
                        plain);
            }
        };
    }

    /** Whether an entity went through the build's enhancement step. */
    static boolean enhanced(String className) {
        try {
            Class<?> type = Class.forName(className, false, BuildTimeEnhancement.class.getClassLoader());
            return !type.isAnnotationPresent(Entity.class) || ManagedEntity.class.isAssignableFrom(type);
        } catch (ClassNotFoundException e) {
            return false;
        }
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
