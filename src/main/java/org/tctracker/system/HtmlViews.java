package org.tctracker.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every page is HTML. Left alone, Thymeleaf guesses a page's content type from the address, so the
 * "not found" page for {@code /cycles/nope/feed.atom} would be labelled as an Atom feed.
 */
@Configuration(proxyBeanMethods = false)
class HtmlViews {

    @Bean
    static BeanPostProcessor pagesAreAlwaysHtml() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }
}
