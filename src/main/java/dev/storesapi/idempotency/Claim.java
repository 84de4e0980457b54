package dev.storesapi.idempotency;

/** What claiming a key gave: the key is this request's, or a repeat's answer, or a refusal. */
sealed interface Claim {

    /** The key is new (or expired): this request runs. */
    record Claimed() implements Claim {
    }

    /** The same request ran before: its answer again. */
    record Replay(StoredAnswer answer) implements Claim {
    }

    /** The key was used for another request. */
    record Reused() implements Claim {
    }

    /** The first request with the key is still running. */
    record InUse() implements Claim {
    }
}
