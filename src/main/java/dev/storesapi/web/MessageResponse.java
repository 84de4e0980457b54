package dev.storesapi.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Message")
public record MessageResponse(@Schema(example = "Store deleted") String message) {
}
