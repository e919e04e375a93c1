package com.tixtrack.sms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tixtrack.sms.security.SecurityProperties.ApiKey;

class ApiKeysTest {

    final ApiKeys keys = new ApiKeys(new SecurityProperties(List.of(
            new ApiKey("reporting", "r-key", "reader"), new ApiKey("ops", "a-key", "ADMIN"))));

    @Test
    void aKnownKeyIsItsClient() {
        assertThat(keys.authenticate("r-key")).contains(new ApiKeys.Client("reporting", Role.READER));
        assertThat(keys.authenticate("a-key")).contains(new ApiKeys.Client("ops", Role.ADMIN));
    }

    @Test
    void unknownOrMissingKeysAreNobody() {
        assertThat(keys.authenticate("r-key ")).isEmpty();
        assertThat(keys.authenticate("R-KEY")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void adminsMayCallEverythingReadersOnlyTheApi() {
        assertThat(Role.ADMIN.mayCall(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.mayCall(Role.READER)).isTrue();
        assertThat(Role.READER.mayCall(Role.READER)).isTrue();
        assertThat(Role.READER.mayCall(Role.ADMIN)).isFalse();
    }

    @Test
    void misconfigurationStopsStartUp() {
        assertThatThrownBy(() -> new ApiKeys(new SecurityProperties(List.of(new ApiKey("x", " ", "reader")))))
                .hasMessageContaining("blank key");
        assertThatThrownBy(() -> new ApiKeys(new SecurityProperties(List.of(new ApiKey("x", "k", "owner")))))
                .hasMessageContaining("use reader or admin");
        assertThatThrownBy(() -> new ApiKeys(new SecurityProperties(List.of(
                new ApiKey("x", "k", "reader"), new ApiKey("y", "k", "admin"))))).hasMessageContaining("repeats");
    }

    @Test
    void pathsNeedTheirRoleWhateverTheirSpelling() {
        assertThat(ApiKeyFilter.requiredRole("/api/history")).isEqualTo(Role.READER);
        assertThat(ApiKeyFilter.requiredRole("/api")).isEqualTo(Role.READER);
        assertThat(ApiKeyFilter.requiredRole("/API/history")).isEqualTo(Role.READER);
        assertThat(ApiKeyFilter.requiredRole("//api//history")).isEqualTo(Role.READER);
        assertThat(ApiKeyFilter.requiredRole("/admin/dead-letters")).isEqualTo(Role.ADMIN);
        assertThat(ApiKeyFilter.requiredRole("/Admin")).isEqualTo(Role.ADMIN);
        assertThat(ApiKeyFilter.requiredRole("/webhook/twilio")).isNull();
        assertThat(ApiKeyFilter.requiredRole("/health/ready")).isNull();
        assertThat(ApiKeyFilter.requiredRole("/openapi.json")).isNull();
        assertThat(ApiKeyFilter.requiredRole("/api-docs")).isNull();
        assertThat(ApiKeyFilter.requiredRole("/docs/index.html")).isNull();
    }
}
