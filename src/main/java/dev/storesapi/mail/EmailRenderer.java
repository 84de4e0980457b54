package dev.storesapi.mail;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders emails from templates/email/*.html (HTML mode: th:text escapes user text) and *.txt
 * (text mode). Its own engine, so the HTML and text resolvers do not touch web views.
 */
@Component
public class EmailRenderer {

    static final String REGISTRATION_SUBJECT = "Successfully signed up";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final EmailProperties properties;

    EmailRenderer(EmailProperties properties) {
        this.properties = properties;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    public RenderedEmail render(EmailJob job) {
        Context context = new Context();
        context.setVariables(Map.of("username", job.username(), "docsUrl", properties.docsUrl()));
        return new RenderedEmail(job.email(), REGISTRATION_SUBJECT,
                engine.process("email/registration.txt", context),
                engine.process("email/registration.html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
