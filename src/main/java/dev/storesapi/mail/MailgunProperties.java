package dev.storesapi.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mailgun's HTTP API, used when both key and domain are set.
 *
 * @param apiKey  the sending API key (MAILGUN_API_KEY)
 * @param domain  the sending domain (MAILGUN_DOMAIN)
 * @param apiBase the API's base URL (MAILGUN_API_BASE): the US endpoint, or https://api.eu.mailgun.net for
 *                an EU domain
 */
@ConfigurationProperties("stores.mailgun")
record MailgunProperties(String apiKey, String domain, String apiBase) {

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
