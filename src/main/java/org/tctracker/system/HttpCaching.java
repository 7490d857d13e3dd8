package org.tctracker.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * What scripts and feed readers poll (the API, the CSV files, the feeds, the Markdown digest)
 * carries an ETag of its content, and a request that sends it back in {@code If-None-Match} gets
 * an empty 304 when nothing changed. The one exception is a cycle's check-ins file, too large to
 * copy for a hash: its controller tags it with the records' state instead.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
        // Weak tags: Tomcat does not gzip an answer that carries a strong one.
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*", "*.csv", "*.atom", "*.md");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
