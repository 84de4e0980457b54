package dev.storesapi.catalog.tag;

import dev.storesapi.web.Names;
import dev.storesapi.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TagRequest(
        @Schema(example = "furniture", minLength = 1, maxLength = 80)
        @NotBlank @Size(max = 80) @PlainText String name) {

    public TagRequest {
        name = Names.trim(name);
    }
}
