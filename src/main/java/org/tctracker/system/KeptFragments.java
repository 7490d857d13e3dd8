package org.tctracker.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Parts of pages that read the same whoever reads them (a cycle's chart, a row of its table),
 * rendered once and kept until the records or the day change, on the rule of the kept pages
 * ({@link PageCache}); around them, what depends on the reader (the menu, the buttons, the groups
 * of "yours") is rendered for each request. A page asks for {@link #now()} before it reads the
 * records, so a part is never kept under a version newer than what it shows.
 */
@Component
public class KeptFragments {

    /** The request attribute that holds the records' version once this request has read it. */
    static final String VERSION = KeptFragments.class.getName() + ".version";

    /**
     * Kept parts share at most this many characters, up to a sixteenth of the heap (4 MB of the
     * recommended 64, at two bytes a character); the least recently used go first.
     */
    private static final long MAX_CHARS =
            Math.min(4_000_000, Runtime.getRuntime().maxMemory() / 32);

    private final ITemplateEngine templates;
    private final RecordsVersion records;
    private final Clock clock;
    private final ApplicationContext application;
    private final Map<String, String> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private long version = -1;
    private @Nullable LocalDate day;
    private volatile @Nullable JakartaServletWebApplication web;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong renders = new AtomicLong();

    public KeptFragments(
            ITemplateEngine templates, RecordsVersion records, Clock clock, ApplicationContext application) {
        this.templates = templates;
        this.records = records;
        this.clock = clock;
        this.application = application;
    }

    /** The records as this request sees them: their version (read once a request) and the day. */
    public record Moment(long version, LocalDate day) {}

    public record Stats(long hits, long renders) {}

    public Stats stats() {
        return new Stats(hits.get(), renders.get());
    }

    /** Call before reading what the kept parts show. */
    public Moment now() {
        HttpServletRequest request = currentRequest().getRequest();
        Object known = request.getAttribute(VERSION);
        long current = known instanceof Long read ? read : records.current();
        request.setAttribute(VERSION, current);
        return new Moment(current, LocalDate.now(clock));
    }

    /**
     * The fragment {@code fragment} of {@code template} rendered with {@code variables}, as kept
     * under {@code key} (which must name everything the variables hold that the moment does not).
     */
    public String render(Moment at, String key, String template, String fragment, Map<String, ?> variables) {
        return render(at, key, template, fragment, () -> variables);
    }

    /** The same, with variables gathered only when the fragment is not kept (they cost queries). */
    public String render(
            Moment at, String key, String template, String fragment, Supplier<? extends Map<String, ?>> variables) {
        return keep(at, key, () -> templates.process(template, Set.of(fragment), context(variables.get())));
    }

    /**
     * Any text that reads the same for every reader (a digest), made by {@code make} unless it is
     * kept under {@code key} for this moment; the key names everything it depends on besides it.
     */
    public String keep(Moment at, String key, Supplier<String> make) {
        synchronized (kept) {
            if (at.version() > version || (at.version() == version && !at.day().equals(day))) {
                kept.clear();
                chars = 0;
                version = at.version();
                day = at.day();
            }
            String text = at.version() == version && at.day().equals(day) ? kept.get(key) : null;
            if (text != null) {
                hits.incrementAndGet();
                return text;
            }
        }
        renders.incrementAndGet();
        String text = make.get();
        synchronized (kept) {
            if (at.version() == version && at.day().equals(day) && text.length() <= MAX_CHARS / 8) {
                String before = kept.put(key, text);
                chars += text.length() - (before == null ? 0 : before.length());
                var eldest = kept.entrySet().iterator();
                while (chars > MAX_CHARS && eldest.hasNext()) {
                    chars -= eldest.next().getValue().length();
                    eldest.remove();
                }
            }
        }
        return text;
    }

    private WebContext context(Map<String, ?> variables) {
        ServletRequestAttributes current = currentRequest();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        JakartaServletWebApplication app = web;
        if (app == null) {
            app = JakartaServletWebApplication.buildApplication(request.getServletContext());
            web = app;
        }
        WebContext context = new WebContext(app.buildExchange(request, response), Locale.ENGLISH);
        context.setVariables(new LinkedHashMap<>(variables));
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return context;
    }

    private static ServletRequestAttributes currentRequest() {
        return (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
    }
}
