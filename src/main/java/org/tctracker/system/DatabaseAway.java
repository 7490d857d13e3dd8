package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (PostgreSQL restarting, the network to it down), every
 * page says so with a 503 and a sentence, whichever part of the request needed the database
 * first: the session, the security rules, a page or a save. Nothing was saved by a request that
 * got this answer; the pool connects again by itself when the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseAway extends OncePerRequestFilter {

    public static final String MESSAGE = "The database cannot be reached just now, so this could not be shown or"
            + " saved. Try again in a minute; what was saved before is safe.";

    public static final String DISK_FULL = "The server cannot save right now: its disk is full. What was saved"
            + " before is safe. Tell an admin, and try again once they have freed some space.";

    /** The operating system's "no space left on device", in any cause. */
    static boolean diskFull(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause.getMessage() != null && cause.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** Less room than this in the data folder's filesystem is a full disk. */
    private static final long NEARLY_FULL_BYTES = 4L << 20;

    private final Path dataDir;

    public DatabaseAway(@Value("${tracker.data-dir:./data}") Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Whether the embedded database's folder has no room left. The failures that follow a full
     * disk (H2 closes the database after a write fails) no longer say why, so the folder is asked.
     */
    private boolean dataFolderFull() {
        try {
            return Files.isDirectory(dataDir) && Files.getFileStore(dataDir).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | SecurityException unknown) {
            return false;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseAway.class);

    /** PostgreSQL's "connection exception" class, and its shutting-down and starting-up states. */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03");

    /** Whether this failure, or one of its causes, says the database could not be reached. */
    public static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || UNREACHABLE_STATES.contains(sql.getSQLState())
                            || BrokenConnections.closed(sql))) {
                return true;
            }
            if (diskFull(cause)) {
                return true;
            }
            // A transaction that could not even be committed or rolled back: its connection is gone.
            if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** The error page of a request that failed for another reason may find the database away too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!explains(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn(
                    "The database could not be reached for {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootOf(failure));
            // The protective headers stay; the page is written here, since the usual error page
            // would look for the signed-in session, which lives in the database.
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "30");
            response.setHeader("Cache-Control", "no-store");
            boolean full = diskFull(failure) || dataFolderFull();
            if (ErrorPages.isForScripts(request)) {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("503 Service Unavailable: " + (full ? DISK_FULL : MESSAGE) + "\n");
            } else {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(full ? FULL_PAGE : PAGE);
            }
        }
    }

    private static final String PAGE = page("The database cannot be reached", MESSAGE);

    private static final String FULL_PAGE = page("The server cannot save right now", DISK_FULL);

    private static String page(String title, String message) {
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>%1$s · TC Tracker</title>
              <link rel="stylesheet" href="/webjars/picocss__pico/css/pico.min.css">
              <link rel="stylesheet" href="/css/tracker.css">
            </head>
            <body>
              <header class="container"><nav aria-label="Main"><ul><li><a href="/"><strong>TC Tracker</strong></a></li></ul></nav></header>
              <main class="container">
                <h1>%1$s</h1>
                <p id="error-message">%2$s</p>
                <p><a href="/">Go to the dashboard</a></p>
              </main>
            </body>
            </html>
            """.formatted(title, message);
    }

    private static String rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
