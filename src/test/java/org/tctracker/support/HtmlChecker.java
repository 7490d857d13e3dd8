package org.tctracker.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine behind validator.w3.org/nu and the vnu jar), run in-process on a
 * page's source. Errors are what a page must never have; warnings are left to taste.
 */
public final class HtmlChecker {

    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final List<String> errors = new ArrayList<>();
    private final SimpleDocumentValidator validator;

    public HtmlChecker() throws Exception {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(describe(e));
            }
        };
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema(HTML5_SCHEMA, handler);
        validator.setUpValidatorAndParsers(handler, true, false);
    }

    /** Every error in the page, each with its line and column; empty when the page is valid. */
    public synchronized List<String> errorsIn(String html) throws Exception {
        errors.clear();
        validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        return List.copyOf(errors);
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }
}
