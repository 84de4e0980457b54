package dev.storesapi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL DATABASE_URL as hosting platforms hand it out ({@code postgres://user:pass@host:port/db?sslmode=require}),
 * split into what JDBC wants: a {@code jdbc:postgresql://} URL (query parameters kept) and separate,
 * URL-decoded credentials. pgjdbc cannot read credentials in the authority itself.
 *
 * @param username null when the URL has none (then the JDBC URL or the driver decides)
 * @param password null when the URL has none
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final String EXPECTED =
            "DATABASE_URL must look like postgres://user:password@host:5432/database (also postgresql:// or "
                    + "jdbc:postgresql://); URL-encode special characters in the user name and password.";

    public static DatabaseUrl parse(String value) {
        String url = value.strip();
        boolean jdbc = url.startsWith("jdbc:");
        URI uri = toUri(jdbc ? url.substring("jdbc:".length()) : url);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException(EXPECTED);
        }
        if (jdbc && uri.getHost() == null && uri.getRawUserInfo() == null) {
            // e.g. several hosts, or a host name with '_': passed on as it is, but for its credentials.
            Credentials credentials = Credentials.takeFrom(uri.getRawQuery());
            String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return new DatabaseUrl(credentials.query().isEmpty() ? base : base + "?" + credentials.query(),
                    credentials.username(), credentials.password());
        }
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw new IllegalArgumentException(EXPECTED);
        }
        StringBuilder jdbcUrl = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbcUrl.append(':').append(uri.getPort());
        }
        jdbcUrl.append(uri.getRawPath());
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] credentials = uri.getRawUserInfo().split(":", 2);
            username = decode(credentials[0]);
            password = credentials.length == 2 ? decode(credentials[1]) : null;
        }
        Credentials inQuery = Credentials.takeFrom(uri.getRawQuery());
        if (!inQuery.query().isEmpty()) {
            jdbcUrl.append('?').append(inQuery.query());
        }
        return new DatabaseUrl(jdbcUrl.toString(), username == null ? inQuery.username() : username,
                password == null ? inQuery.password() : password);
    }

    /** user= and password= leave the URL: the JDBC URL is logged (Hibernate, Flyway), the credentials must not be. */
    private record Credentials(String query, String username, String password) {

        static Credentials takeFrom(String rawQuery) {
            List<String> kept = new ArrayList<>();
            String username = null;
            String password = null;
            for (String parameter : rawQuery == null ? new String[0] : rawQuery.split("&")) {
                String[] pair = parameter.split("=", 2);
                // As pgjdbc reads its URL parameters (there, '+' is a space).
                String decoded = pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
                switch (pair[0].toLowerCase(Locale.ROOT)) {
                    case "user" -> username = username == null ? decoded : username;
                    case "password" -> password = password == null ? decoded : password;
                    default -> kept.add(parameter);
                }
            }
            return new Credentials(String.join("&", kept), username, password);
        }
    }

    private static URI toUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            // The message would echo the URL, password included.
            throw new IllegalArgumentException(EXPECTED);
        }
    }

    /** Percent-decoding only: in a URL's user info a '+' is a plus, not a space. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password == null ? null : "***") + "]";
    }
}
