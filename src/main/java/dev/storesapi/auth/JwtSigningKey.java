package dev.storesapi.auth;

import dev.storesapi.error.InvalidConfigurationException;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * The HS256 key from JWT_SECRET_KEY: base64 (as `openssl rand -base64 32` or Render's generated
 * values give it) when it decodes to at least 32 bytes, else the raw text, which must then be at
 * least 32 bytes. Every instance derives the same key from the same value.
 */
final class JwtSigningKey {

    static final int MIN_BYTES = 32;

    private JwtSigningKey() {
    }

    static SecretKey fromSecret(String secret) {
        byte[] decoded = decodeBase64(secret.strip());
        byte[] key = decoded != null && decoded.length >= MIN_BYTES ? decoded : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_BYTES) {
            throw new InvalidConfigurationException("JWT_SECRET_KEY is too short: it must carry at least " + MIN_BYTES
                    + " bytes (256 bits), as base64 or raw text.", "Generate one with: openssl rand -base64 32");
        }
        return Keys.hmacShaKeyFor(key);
    }

    static SecretKey random() {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return Keys.hmacShaKeyFor(key);
    }

    private static byte[] decodeBase64(String value) {
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                return decoder.decode(value);
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the next one, then fall back to raw text
            }
        }
        return null;
    }
}
