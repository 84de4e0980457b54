package dev.storesapi.mail;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Sends through Mailgun's HTTP API (docs/email.md): {@code POST {base}/v3/{domain}/messages}
 * with Basic auth {@code api:<key>} and the form fields from, to, subject, text and html. Over HTTPS
 * on 443, so it works where SMTP ports are closed (Render's free web services). Throws when Mailgun
 * did not accept the email (any non-2xx answer, a timeout, no connection).
 */
class MailgunEmailSender implements EmailSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(6);

    private final RestClient mailgun;
    private final String domain;
    private final String from;

    MailgunEmailSender(MailgunProperties properties, String from) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(READ_TIMEOUT);
        this.mailgun = RestClient.builder()
                .baseUrl(properties.apiBase())
                .requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth("api", properties.apiKey()))
                .build();
        this.domain = properties.domain();
        this.from = from;
    }

    @Override
    public void send(RenderedEmail email) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("from", from);
        form.add("to", email.to());
        form.add("subject", email.subject());
        form.add("text", email.text());
        form.add("html", email.html());
        mailgun.post()
                .uri("/v3/{domain}/messages", domain)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toBodilessEntity();
    }

    @Override
    public Duration longestSend() {
        return CONNECT_TIMEOUT.plus(READ_TIMEOUT);
    }
}
