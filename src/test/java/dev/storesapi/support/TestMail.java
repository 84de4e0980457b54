package dev.storesapi.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) for the test JVM; tests may stop it to make sends fail. */
public final class TestMail {

    private static final int PORT = FreePort.belowEphemeralRange();
    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized int port() {
        if (server == null) {
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestMail::stop));
        }
        return PORT;
    }

    /** A restarted server has an empty mailbox. */
    public static synchronized void start() {
        server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Messages the running server received for this address. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
