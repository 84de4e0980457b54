package dev.storesapi.catalog.item;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Money that fits NUMERIC(12,2): 0 to 99,999,999.99, at most two decimals (docs/api.md "Endpoints"). */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DecimalMin(value = "0.00", message = "must not be negative")
@DecimalMax(value = "99999999.99", message = "must be at most 99999999.99")
@Digits(integer = 8, fraction = 2, message = "must have at most two decimals")
public @interface Price {

    String message() default "must be a price between 0 and 99999999.99 with at most two decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
