package org.tctracker.system;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Spring Boot's error attributes, plus the one message the application chose to show. */
@Component
class SafeErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object message = request.getAttribute(ErrorResponses.MESSAGE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (message instanceof String text) {
            attributes.put("message", text);
        } else {
            attributes.remove("message");
        }
        return attributes;
    }
}
