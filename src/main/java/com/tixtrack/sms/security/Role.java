package com.tixtrack.sms.security;

import java.util.Locale;

/** What a client may call: readers the query and consent APIs, admins those and the operator endpoints. */
public enum Role {
    READER, ADMIN;

    public boolean mayCall(Role required) {
        return this == ADMIN || required == READER;
    }

    static Role parse(String name, String client) {
        try {
            return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalStateException("sms.security.api-keys: client '" + client + "' has role '" + name
                    + "'; use reader or admin");
        }
    }
}
