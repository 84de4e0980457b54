package dev.storesapi.config;

import dev.storesapi.error.InvalidConfigurationException;
import dev.storesapi.redis.RedisSettings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps the service's environment variables onto Spring settings, each only when it is set, so that
 * "unset" keeps meaning "use the embedded default" (docs/configuration.md):
 * <ul>
 *   <li>REDIS_URL → spring.data.redis.url (unset: email jobs are delivered in-process);</li>
 *   <li>MAIL_HOST, MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD, MAIL_STARTTLS_REQUIRED → spring.mail.* (unset
 *   host: emails are logged);</li>
 *   <li>APP_ROLE=worker → no web server, no migrations, consume the email stream (needs Redis:
 *   redis/RedisSettings);</li>
 *   <li>APP_ROLE=migrate → no web server: run the Flyway migrations and exit (StoresApiApplication).</li>
 * </ul>
 * Explicit spring.* settings still win: these are defaults.
 */
public class ServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String redisUrl = environment.getProperty("REDIS_URL");
        if (StringUtils.hasText(redisUrl)) {
            defaults.put("spring.data.redis.url", redisUrl.strip());
        }
        String mailHost = environment.getProperty("MAIL_HOST");
        if (StringUtils.hasText(mailHost)) {
            String username = environment.getProperty("MAIL_USERNAME", "");
            defaults.put("spring.mail.host", mailHost.strip());
            defaults.put("spring.mail.port", environment.getProperty("MAIL_PORT", "587"));
            defaults.put("spring.mail.username", username);
            defaults.put("spring.mail.password", environment.getProperty("MAIL_PASSWORD", ""));
            defaults.put("spring.mail.properties.mail.smtp.auth", Boolean.toString(StringUtils.hasText(username)));
            // STARTTLS when the server offers it (Mailgun on 587 does), and required whenever there are
            // credentials to send: without it they would cross the network in clear text. A local
            // sink without TLS opts out with MAIL_STARTTLS_REQUIRED=false. Never hang a worker on a
            // dead server.
            defaults.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
            defaults.put("spring.mail.properties.mail.smtp.starttls.required", Boolean.toString(
                    StringUtils.hasText(username) && !"false".equalsIgnoreCase(
                            environment.getProperty("MAIL_STARTTLS_REQUIRED", "true").strip())));
            defaults.put("spring.mail.properties.mail.smtp.connectiontimeout", "5000");
            defaults.put("spring.mail.properties.mail.smtp.timeout", "10000");
            defaults.put("spring.mail.properties.mail.smtp.writetimeout", "10000");
        }
        environment.getPropertySources().addLast(new MapPropertySource("storesServices", defaults));

        String role = environment.getProperty("APP_ROLE", "web").strip().toLowerCase(Locale.ROOT);
        switch (role) {
            case "web", "" -> { }
            case "worker" -> {
                if (!RedisSettings.configured(environment)) {
                    throw new InvalidConfigurationException("APP_ROLE=worker needs Redis: the worker consumes "
                            + "the Redis Stream of email jobs.", "Set REDIS_URL, or run without APP_ROLE=worker "
                            + "(without Redis, the web role delivers emails in-process).");
                }
                // The role decides these, over application.yml.
                environment.getPropertySources().addFirst(new MapPropertySource("storesWorkerRole", Map.of(
                        "spring.main.web-application-type", "none",
                        "spring.flyway.enabled", "false",
                        "stores.email.worker-enabled", "true")));
            }
            case "migrate" -> environment.getPropertySources().addFirst(new MapPropertySource("storesMigrateRole", Map.of(
                    "spring.main.web-application-type", "none",
                    "spring.flyway.enabled", "true",
                    "stores.email.worker-enabled", "false",
                    "stores.role", "migrate")));
            default -> throw new InvalidConfigurationException(
                    "APP_ROLE must be 'web', 'worker' or 'migrate', not '" + role + "'.",
                    "Unset APP_ROLE for the web service, or set APP_ROLE=worker (email worker) or migrate.");
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
