package dev.storesapi.user;

public enum Role {
    USER,
    ADMIN
}
