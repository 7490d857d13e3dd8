package org.tctracker.system;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Where work that no request waits for runs: event listeners
 * ({@code @ApplicationModuleListener}) on the task pool after the change that raised the event
 * has committed, and scheduled work ({@code @Scheduled} with {@code @SchedulerLock}) on one
 * instance at a time, whichever holds the lease row in {@code shedlock}. The lease is timed by
 * the database's clock, so instances whose clocks disagree still take turns.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /**
     * A listener that fails is retried, so its failure is worth a warning, not an alarm. (Boot
     * wraps this configurer to hand it the application's task pool.)
     */
    @Bean
    AsyncConfigurer listenerFailures() {
        return new AsyncConfigurer() {
            @Override
            public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
                return (failure, method, arguments) -> log.warn(
                        "{}.{} failed; its event stays owed and is retried within five minutes: {}",
                        method.getDeclaringClass().getSimpleName(),
                        method.getName(),
                        failure.toString(),
                        failure);
            }
        };
    }
}
