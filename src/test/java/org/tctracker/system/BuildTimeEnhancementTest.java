package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import fixtures.NotEnhancedEntity;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.cfg.BytecodeSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/** Hibernate stops generating classes only when every entity was enhanced by the build. */
class BuildTimeEnhancementTest {

    @Test
    void tellsEnhancedEntitiesFromOthers() {
        assertThat(BuildTimeEnhancement.enhanced(Revision.class.getName())).isTrue();
        assertThat(BuildTimeEnhancement.enhanced(NotEnhancedEntity.class.getName()))
                .isFalse();
        assertThat(BuildTimeEnhancement.enhanced("org.tctracker.NoSuchEntity")).isFalse();
    }

    @Test
    void oneEntityWithoutEnhancementKeepsHibernatesDefault() {
        assertThat(settingsFor(PersistenceManagedTypes.of(Revision.class.getName())))
                .containsEntry(BuildTimeEnhancement.ALL_ENHANCED, Boolean.TRUE)
                .containsKey(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE);

        assertThat(settingsFor(PersistenceManagedTypes.of(Revision.class.getName(), NotEnhancedEntity.class.getName())))
                .isEmpty();
    }

    private static Map<String, Object> settingsFor(PersistenceManagedTypes types) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("types", types);
        Map<String, Object> settings = new HashMap<>();
        new BuildTimeEnhancement()
                .noRuntimeEnhancer(beans.getBeanProvider(PersistenceManagedTypes.class))
                .customize(settings);
        return settings;
    }
}
