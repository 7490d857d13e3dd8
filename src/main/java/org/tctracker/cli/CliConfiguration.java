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
import org.tctracker.commitment.CommitmentSummaries;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.commitment.LinkReadings;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.StatusHistory;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.goal.Goals;
import org.tctracker.goal.Teams;
import org.tctracker.mail.DigestMails;
import org.tctracker.mail.MailChoices;
import org.tctracker.mail.MailSettings;
import org.tctracker.mail.MailTokens;
import org.tctracker.mail.Outbox;
import org.tctracker.mail.Reminders;
import org.tctracker.mail.SentMails;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.report.WeeklyDigest;
import org.tctracker.sources.KnownSources;
import org.tctracker.sources.LinkRefresh;
import org.tctracker.sources.LinkSettings;
import org.tctracker.sources.TopicRefresh;
import org.tctracker.system.RecordsVersion;
import org.tctracker.system.Schema;
import org.tctracker.system.TrackerProperties;

/**
 * What a command needs and no more: the application's own settings and database, migrated, over
 * one connection. No web server, no JPA, no security: a command answers in about a second.
 */
@EnableConfigurationProperties({TrackerProperties.class, LinkSettings.class, MailSettings.class})
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

    /**
     * The schema, brought up to date. Flyway spends about a second finding the migrations in the
     * jar, so a database whose history already ends with the newest one is taken as it is (the web
     * app still checks every migration's checksum when it starts).
     */
    @Bean
    Schema schema(DataSource dataSource, Environment environment) {
        if (environment.getProperty("tracker.cli.migrate", Boolean.class, true) && !Schema.isCurrent(dataSource)) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(environment.getProperty("spring.flyway.locations", "classpath:db/migration"))
                    .load()
                    .migrate();
        }
        return new Schema();
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource, Schema migrated) {
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

    /** The mail server of spring.mail.*, as the web app's is; none while spring.mail.host is unset. */
    @Bean
    Outbox outbox(Environment environment, MailSettings settings, Clock clock) {
        String host = environment.getProperty("spring.mail.host");
        if (host == null || host.isBlank()) {
            return new Outbox((org.springframework.mail.javamail.JavaMailSender) null, settings, clock);
        }
        org.springframework.mail.javamail.JavaMailSenderImpl sender =
                new org.springframework.mail.javamail.JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(environment.getProperty("spring.mail.port", Integer.class, 25));
        sender.setUsername(environment.getProperty("spring.mail.username"));
        sender.setPassword(environment.getProperty("spring.mail.password"));
        sender.setProtocol(environment.getProperty("spring.mail.protocol", "smtp"));
        sender.setDefaultEncoding("UTF-8");
        java.util.Properties properties = new java.util.Properties();
        org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind(
                        "spring.mail.properties",
                        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .ifBound(properties::putAll);
        sender.setJavaMailProperties(properties);
        return new Outbox(sender, settings, clock);
    }

    @Bean
    Reminders reminders(
            JdbcClient jdbc,
            CycleCatalog cycles,
            CycleBoards boards,
            Outbox outbox,
            MailSettings settings,
            Staleness staleness,
            Clock clock) {
        return new Reminders(
                cycles,
                boards,
                new MailChoices(jdbc),
                new MailTokens(jdbc, clock),
                new SentMails(jdbc),
                outbox,
                settings,
                staleness,
                clock);
    }

    @Bean
    DigestMails digestMails(
            JdbcClient jdbc,
            CycleBoards boards,
            WeeklyDigest digest,
            Outbox outbox,
            MailSettings settings,
            Clock clock) {
        return new DigestMails(
                boards,
                digest,
                new PeopleDirectory(jdbc),
                new MailChoices(jdbc),
                new MailTokens(jdbc, clock),
                new SentMails(jdbc),
                outbox,
                settings,
                clock);
    }

    @Bean
    WeeklyDigest weeklyDigest(Staleness staleness, Goals goals, TrackerProperties properties) {
        return new WeeklyDigest(staleness, goals, properties);
    }

    @Bean
    Teams teams(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        return new Teams(jdbc, new PeopleDirectory(jdbc), new RecordsVersion(jdbc), clock, transactions);
    }

    @Bean
    Goals goals(
            JdbcClient jdbc, Teams teams, Clock clock, TrackerProperties properties, TransactionTemplate transactions) {
        return new Goals(
                jdbc,
                new CommitmentSummaries(jdbc),
                new PeopleDirectory(jdbc),
                teams,
                new RecordsVersion(jdbc),
                clock,
                properties,
                transactions);
    }

    @Bean
    TopicRefresh topicRefresh(Goals goals, LinkSettings settings, Clock clock) {
        return new TopicRefresh(goals, settings, clock);
    }
}
