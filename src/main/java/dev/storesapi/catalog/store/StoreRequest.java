package dev.storesapi.catalog.store;

import dev.storesapi.web.Names;
import dev.storesapi.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record StoreRequest(
        @Schema(example = "Corner shop", minLength = 1, maxLength = 80)
        @NotBlank @Size(max = 80) @PlainText String name) {

    public StoreRequest {
        name = Names.trim(name);
    }
}
