package org.tctracker.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a test class an application context, and so an in-memory database, of its own, for tests
 * whose records would disturb others (or be disturbed by them). Spring keeps one context per
 * distinct configuration; this makes the class part of its configuration. The context is still
 * shared by the class's own tests, and by nothing else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(OwnDatabase.Factory.class)
public @interface OwnDatabase {

    /** Makes the annotated class a part of its context's configuration. */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configurationAttributes) {
            return TestContextAnnotationUtils.hasAnnotation(testClass, OwnDatabase.class)
                    ? new ForClass(testClass)
                    : null;
        }
    }

    /** Equal only for the same test class, so each class gets its own context from the cache. */
    record ForClass(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            // Nothing to add: being part of the configuration is the point.
        }
    }
}
