package dev.storesapi.mail;

/** Hands a rendered email to the mail server; throws when the server did not accept it. */
public interface EmailSender {

    void send(RenderedEmail email);
}
