package dev.storesapi.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.storesapi.support.FreePort;
import dev.storesapi.support.TestSecrets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SMTP credentials never cross the network in clear text (docs/security.md): against a real SMTP
 * server that offers no STARTTLS, the mail settings made from MAIL_* refuse to send (before AUTH),
 * unless MAIL_STARTTLS_REQUIRED=false says the server is a local sink.
 */
class SmtpStartTlsIT {

    private final int port = FreePort.belowEphemeralRange();
    private GreenMail server;

    @BeforeEach
    void startServerWithoutTls() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser("sender@example.com", "sender", TestSecrets.SMTP_PASSWORD);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void credentialsAreNotSentToAServerWithoutStartTls() {
        JavaMailSenderImpl sender = senderFrom(Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(port),
                "MAIL_USERNAME", "sender", "MAIL_PASSWORD", TestSecrets.SMTP_PASSWORD));

        assertThatThrownBy(() -> sender.send(message())).isInstanceOf(MailSendException.class)
                .hasStackTraceContaining("STARTTLS");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aLocalSinkWithoutTlsCanBeAllowedExplicitly() {
        JavaMailSenderImpl sender = senderFrom(Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(port),
                "MAIL_USERNAME", "sender", "MAIL_PASSWORD", TestSecrets.SMTP_PASSWORD, "MAIL_STARTTLS_REQUIRED", "false"));

        sender.send(message());

        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    private static SimpleMailMessage message() {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("sender@example.com");
        message.setTo("jose@example.com");
        message.setSubject("Successfully signed up");
        message.setText("Hello");
        return message;
    }

    /** The spring.mail.* settings the service derives from these variables, as a Spring Boot mail sender would use them. */
    private static JavaMailSenderImpl senderFrom(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("test-os", variables));
        new ServicesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(environment.getProperty("spring.mail.host"));
        sender.setPort(environment.getRequiredProperty("spring.mail.port", Integer.class));
        sender.setUsername(environment.getProperty("spring.mail.username"));
        sender.setPassword(environment.getProperty("spring.mail.password"));
        Properties properties = new Properties();
        properties.putAll(Binder.get(environment)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).get());
        sender.setJavaMailProperties(properties);
        return sender;
    }

}
