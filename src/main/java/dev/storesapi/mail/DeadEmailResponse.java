package dev.storesapi.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(name = "DeadEmail", description = "An email job that was given up; its id is the one POST /admin/emails/{email_id}/resend takes.")
record DeadEmailResponse(
        @Schema(example = "42") long id,
        @Schema(example = "registration") String type,
        @Schema(description = "The job as it was queued: user_id, email, username.",
                example = "{\"user_id\": 7, \"email\": \"jose@example.com\", \"username\": \"jose\"}") String payload,
        @JsonProperty("send_attempts") @Schema(example = "5") int sendAttempts,
        @JsonProperty("last_error") @Schema(example = "refused for good: 550 5.1.1 mailbox unavailable") String lastError,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("dead_at") Instant deadAt) {

    static DeadEmailResponse from(OutboxEvent event) {
        return new DeadEmailResponse(event.getId(), event.getJobType(), event.getPayload(), event.getSendAttempts(),
                event.getLastError(), event.getCreatedAt(), event.getDeadAt());
    }
}
