package org.tctracker.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts every SQL statement the application prepares, whoever prepares it: Hibernate, the plain
 * JDBC read models, the page cache's check of the records' version, the session store.
 */
public final class StatementCount {

    private final AtomicLong statements = new AtomicLong();
    private final java.util.Queue<String> texts = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public long get() {
        return statements.get();
    }

    public void reset() {
        statements.set(0);
        texts.clear();
    }

    /** The text of each statement prepared since the last reset, in order (upper case). */
    public java.util.List<String> texts() {
        return java.util.List.copyOf(texts);
    }

    /** Wraps the application's data source so that each statement prepared on it is counted. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Counting {

        @Bean
        StatementCount statementCount() {
            return new StatementCount();
        }

        @Bean
        static BeanPostProcessor countingDataSource(
                org.springframework.beans.factory.ObjectProvider<StatementCount> count) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof Counted)) {
                        return new Counted(dataSource, count);
                    }
                    return bean;
                }
            };
        }
    }

    private static final class Counted extends DelegatingDataSource {

        private final org.springframework.beans.factory.ObjectProvider<StatementCount> count;

        Counted(DataSource target, org.springframework.beans.factory.ObjectProvider<StatementCount> count) {
            super(target);
            this.count = count;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return counting(super.getConnection(username, password));
        }

        private Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("prepareStatement")
                                || name.equals("prepareCall")
                                || name.equals("createStatement")) {
                            StatementCount counter = count.getObject();
                            counter.statements.incrementAndGet();
                            counter.texts.add(
                                    args != null && args.length > 0 && args[0] instanceof String sql
                                            ? sql.strip().toUpperCase(java.util.Locale.ROOT)
                                            : "(STATEMENT)");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
