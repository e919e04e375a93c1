package com.tixtrack.sms.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.tixtrack.sms.security.SecurityProperties.ApiKey;

/**
 * The configured API keys. Only SHA-256 digests are kept in memory, and a presented key is compared with every
 * one of them in constant time, so neither the comparison nor the key's position in the list leaks through timing.
 * A blank key, a repeated key or name, or an unknown role stops start-up.
 */
@Component
public class ApiKeys {

    /** An authenticated client. */
    public record Client(String name, Role role) {
    }

    private record Entry(byte[] digest, Client client) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ApiKeys(SecurityProperties properties) {
        Set<String> names = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (ApiKey key : properties.apiKeys()) {
            if (key.name() == null || key.name().isBlank()) {
                throw new IllegalStateException("sms.security.api-keys: every key needs a name");
            }
            if (key.key() == null || key.key().isBlank()) {
                throw new IllegalStateException("sms.security.api-keys: client '" + key.name() + "' has a blank key");
            }
            if (key.role() == null) {
                throw new IllegalStateException("sms.security.api-keys: client '" + key.name() + "' has no role");
            }
            byte[] digest = sha256(key.key());
            if (!names.add(key.name()) || !digests.add(new String(digest, StandardCharsets.ISO_8859_1))) {
                throw new IllegalStateException("sms.security.api-keys: client '" + key.name()
                        + "' repeats another client's name or key");
            }
            entries.add(new Entry(digest, new Client(key.name(), Role.parse(key.role(), key.name()))));
        }
    }

    /** The client holding this key, if any. */
    public Optional<Client> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Client match = null;
        for (Entry entry : entries) {
            // no early exit: every key is compared whatever matched before
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                match = entry.client();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
