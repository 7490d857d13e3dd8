package org.tctracker.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions are rows in the database. Two requests of one session that each store a new attribute
 * at the same moment (a person opening several tabs just after signing in) would both insert it,
 * and one would fail; on PostgreSQL and H2 the insert becomes an upsert instead. Attributes read
 * back are the {@link RememberedAttributes}. The store is
 * reached through {@link SparingSessionRepository}, which writes only what changed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionStorage {

    static final String H2_UPSERT_ATTRIBUTE = "MERGE INTO %TABLE_NAME%_ATTRIBUTES"
            + " (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)"
            + " KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesAreUpserted(DataSource dataSource) {
        String product = productOf(dataSource);
        return repository -> {
            repository.setConversionService(new RememberedAttributes(SessionStorage.class.getClassLoader()));
            if (product.contains("postgresql")) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            } else if (product.contains("h2")) {
                repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
            }
        };
    }

    @Bean
    static BeanPostProcessor sparingSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository store ? new SparingSessionRepository(store) : bean;
            }
        };
    }

    /** Marks out each request, just outside Spring Session's filter, for the sparing repository. */
    @Bean
    FilterRegistrationBean<Filter> sessionRequestScope() {
        Filter scope = (request, response, chain) -> {
            try {
                SparingSessionRepository.within(() -> chain.doFilter(request, response));
            } catch (java.io.IOException | jakarta.servlet.ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(scope);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    private static String productOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which database keeps the sessions", e);
        }
    }
}
