package dev.storesapi.error;

/** A setting is missing or unusable; start-up stops with {@link #getMessage()} and the action to take. */
public class InvalidConfigurationException extends RuntimeException {

    private final String action;

    public InvalidConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
