package dev.storesapi.support;

import java.util.Base64;

/** The settings integration tests start the application with, so tests can also mint tokens. */
public final class TestSecrets {

    /** Base64 of 64 bytes, so a test can also sign with HS512 and prove only HS256 is accepted. */
    public static final String JWT_SECRET_KEY = "dGVzdC1vbmx5LWp3dC1zaWduaW5nLWtleS10ZXN0LW9ubHktand0LXNpZ25pbmcta2V5LTAxMjM0NTY3ODlhYg==";
    public static final byte[] JWT_KEY = Base64.getDecoder().decode(JWT_SECRET_KEY);

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_EMAIL = "admin@example.com";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** Given in a DATABASE_URL (auth/LoginFloodIT); embedded PostgreSQL trusts local connections, so any will do. */
    public static final String DATABASE_PASSWORD = "database-password-for-tests";
    /** The JWT key of the image roles that deploy/EntrypointIT starts. */
    public static final String ENTRYPOINT_JWT_SECRET_KEY = "ZW50cnlwb2ludC10ZXN0LWtleS1lbnRyeXBvaW50LXRlc3Qta2V5IQ==";
    /** METRICS_TOKEN of deploy/EntrypointIT's prod web role. */
    public static final String METRICS_TOKEN = "scrape-token-for-tests";
    public static final String MAILGUN_API_KEY = "key-for-mailgun-tests";
    /** config/SmtpStartTlsIT's SMTP password. */
    public static final String SMTP_PASSWORD = "smtp-secret";

    private TestSecrets() {
    }
}
