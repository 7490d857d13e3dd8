package org.tctracker.cli;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.commitment.LinkReadings;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.StatusHistory;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.report.WeeklyDigest;
import org.tctracker.sources.KnownSources;
import org.tctracker.sources.LinkRefresh;
import org.tctracker.sources.LinkSettings;
import org.tctracker.system.RecordsVersion;
import org.tctracker.system.TrackerProperties;

/**
 * What a command needs and no more: the application's own settings and database, migrated, over
 * one connection. No web server, no JPA, no security: a command answers in about a second.
 */
@EnableConfigurationProperties({TrackerProperties.class, LinkSettings.class})
class CliConfiguration {

    @Bean(destroyMethod = "destroy")
    SingleConnectionDataSource dataSource(Environment environment) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""),
                true);
        dataSource.setAutoCommit(true);
        return dataSource;
    }

    @Bean
    Flyway flyway(DataSource dataSource, Environment environment) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(environment.getProperty("spring.flyway.locations", "classpath:db/migration"))
                .load();
        if (environment.getProperty("tracker.cli.migrate", Boolean.class, true)) {
            flyway.migrate();
        }
        return flyway;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource, Flyway migrated) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    TransactionTemplate transactions(DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Bean
    Clock clock(TrackerProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    Staleness staleness(TrackerProperties properties) {
        return new Staleness(properties);
    }

    @Bean
    StatusHistory statusHistory(JdbcClient jdbc, TrackerProperties properties) {
        return new StatusHistory(jdbc, properties);
    }

    @Bean
    CycleCatalog cycleCatalog(JdbcClient jdbc) {
        return new CycleCatalog(jdbc);
    }

    @Bean
    CycleBoards cycleBoards(JdbcClient jdbc, StatusHistory history, Staleness staleness) {
        return new CycleBoards(jdbc, new PeopleDirectory(jdbc), history, staleness);
    }

    @Bean
    LinkRefresh linkRefresh(JdbcClient jdbc, TransactionTemplate transactions, LinkSettings settings, Clock clock) {
        return new LinkRefresh(
                new LinkReadings(jdbc, transactions), new KnownSources(settings), new RecordsVersion(jdbc), clock);
    }

    @Bean
    WeeklyDigest weeklyDigest(Staleness staleness) {
        return new WeeklyDigest(staleness);
    }
}
