package dev.storesapi.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MAILGUN_API_KEY, MAILGUN_DOMAIN and MAILGUN_API_BASE (the US endpoint by default; the EU one is
 * https://api.eu.mailgun.net).
 */
@ConfigurationProperties("stores.mailgun")
record MailgunProperties(String apiKey, String domain, @DefaultValue("https://api.mailgun.net") String apiBase) {

    boolean configured() {
        return hasText(apiKey) && hasText(domain);
    }

    boolean halfConfigured() {
        return hasText(apiKey) != hasText(domain);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "MailgunProperties[domain=" + domain + ", apiBase=" + apiBase + ", apiKey=***]";
    }
}
