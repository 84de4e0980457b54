package dev.storesapi.error;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The constraint a refused insert or update broke, as Hibernate's dialect read it from the
 * database's error: its kind from the SQLSTATE (PostgreSQL 23505 unique, 23503 foreign key; H2
 * 23505 and 23506) and its name. A service decides by it what the refusal means, "the name is
 * taken" or "the row it refers to was deleted meanwhile": it cannot ask the database again, since
 * on PostgreSQL the failed statement has aborted the transaction.
 *
 * @param kind what sort of constraint, {@code OTHER} when the error did not come through Hibernate
 * @param name the constraint's name in the schema (src/main/resources/db/migration), when known
 */
public record BrokenConstraint(ConstraintKind kind, @Nullable String name) {

    public static BrokenConstraint of(DataIntegrityViolationException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                ConstraintKind kind = violation.getKind();
                return new BrokenConstraint(kind != null ? kind : ConstraintKind.OTHER, violation.getConstraintName());
            }
        }
        return new BrokenConstraint(ConstraintKind.OTHER, null);
    }

    public boolean isUnique() {
        return kind == ConstraintKind.UNIQUE;
    }

    public boolean isForeignKey() {
        return kind == ConstraintKind.FOREIGN_KEY;
    }

    /** As the log shows it: "UNIQUE constraint uq_stores_name". */
    @Override
    public String toString() {
        return kind + " constraint " + (name != null ? name : "(unnamed)");
    }
}
