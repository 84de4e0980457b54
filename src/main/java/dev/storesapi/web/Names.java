package dev.storesapi.web;

/** Names are stored and returned trimmed (contract §1); length rules apply after trimming. */
public final class Names {

    private Names() {
    }

    public static String trim(String name) {
        return name == null ? null : name.strip();
    }
}
