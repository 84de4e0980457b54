package dev.storesapi.catalog.item;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.storesapi.web.Names;
import dev.storesapi.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * PUT /item/{id}: only the fields present are replaced. A class rather than a record because
 * {@code "description": null} (clear it) must be told apart from a missing description (keep it);
 * an explicit null name, price or store_id is rejected by Jackson ({@link Nulls#FAIL}) as a 422.
 */
@Schema(name = "ItemUpdateRequest", description = "Fields given are replaced; \"description\": null clears it.")
public final class ItemUpdateRequest {

    @Schema(example = "Oak chair", minLength = 1, maxLength = 80)
    @Size(min = 1, max = 80) @PlainText
    private String name;

    @Schema(example = "19.5", minimum = "0", maximum = "99999999.99")
    @Price
    private BigDecimal price;

    @Schema(example = "1")
    @Positive
    private Long storeId;

    @Schema(example = "Solid oak", maxLength = 1000, nullable = true)
    @Size(max = 1000) @PlainText(multiline = true)
    private String description;

    private boolean descriptionGiven;

    public String getName() {
        return name;
    }

    @JsonSetter(nulls = Nulls.FAIL)
    public void setName(String name) {
        this.name = Names.trim(name);
    }

    public BigDecimal getPrice() {
        return price;
    }

    @JsonSetter(nulls = Nulls.FAIL)
    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    @JsonProperty("store_id")
    public Long getStoreId() {
        return storeId;
    }

    @JsonProperty("store_id")
    @JsonSetter(nulls = Nulls.FAIL)
    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
        this.descriptionGiven = true;
    }

    boolean descriptionGiven() {
        return descriptionGiven;
    }
}
