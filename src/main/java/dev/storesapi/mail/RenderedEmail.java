package dev.storesapi.mail;

/** A ready-to-send email: both parts of a multipart/alternative message. */
public record RenderedEmail(String to, String subject, String text, String html) {
}
