package dev.storesapi.mail;

import dev.storesapi.web.ApiDocs;
import dev.storesapi.web.MessageResponse;
import dev.storesapi.web.PageQuery;
import dev.storesapi.web.PagedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operating the service; admins only (auth/AccessPolicy: /admin/**). */
@RestController
@RequestMapping("/admin/emails")
@Tag(name = "Admin")
class DeadEmailController {

    private final DeadEmails deadEmails;

    DeadEmailController(DeadEmails deadEmails) {
        this.deadEmails = deadEmails;
    }

    @GetMapping("/dead")
    @Operation(summary = "List email jobs that were given up, with the reason",
            description = ApiDocs.PAGED)
    ResponseEntity<List<DeadEmailResponse>> listDead(@ParameterObject @Valid PageQuery page) {
        return PagedResponses.ok(deadEmails.list(page.toPageRequest()));
    }

    @PostMapping("/{email_id}/resend")
    @Operation(summary = "Send a dead email job again, with all its attempts",
            description = "409 when the job is not dead: still being delivered, or sent already.")
    @ApiDocs.Responses({404, 409})
    @ResponseStatus(HttpStatus.ACCEPTED)
    MessageResponse resend(@PathVariable("email_id") @Positive long emailId) {
        deadEmails.resend(emailId);
        return new MessageResponse("Email queued to be sent again.");
    }
}
