package dev.storesapi.mail;

/** What one attempt at a job came to, and so what its queue does with the message. */
record DeliveryOutcome(Kind kind, String reason) {

    enum Kind {
        /** Sent now and recorded: acknowledge the message. */
        SENT,
        /** Sent or given up earlier, or no such job: acknowledge without sending. */
        SETTLED,
        /** Another worker holds the send: keep the message, it is looked at again after its back-off. */
        BUSY,
        /** Failed, and worth another attempt after the back-off: keep the message. */
        RETRY,
        /** Given up (refused for good, or the last attempt failed): to the dead letters. */
        DEAD
    }

    static DeliveryOutcome of(Kind kind) {
        return new DeliveryOutcome(kind, null);
    }
}
