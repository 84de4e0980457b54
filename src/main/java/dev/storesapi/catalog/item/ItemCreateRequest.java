package dev.storesapi.catalog.item;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storesapi.web.Names;
import dev.storesapi.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record ItemCreateRequest(
        @Schema(example = "Chair", minLength = 1, maxLength = 80)
        @NotBlank @Size(max = 80) @PlainText String name,

        @Schema(example = "17.99", minimum = "0", maximum = "99999999.99")
        @NotNull @Price BigDecimal price,

        @Schema(example = "1")
        @JsonProperty("store_id") @NotNull @Positive Long storeId,

        @Schema(example = "Oak", maxLength = 1000, nullable = true)
        @Size(max = 1000) @PlainText(multiline = true) String description) {

    public ItemCreateRequest {
        name = Names.trim(name);
    }
}
