package dev.storesapi.user;

/**
 * Who a request acts for, as the user controllers take it ({@code @AuthenticationPrincipal}). The
 * security chain's principal (auth/AuthenticatedUser) implements it, so users need nothing of auth.
 */
public interface Caller {

    long userId();

    boolean admin();
}
