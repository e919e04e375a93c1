package com.tixtrack.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The context starts on the embedded default and every migration applies to H2. */
@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartupTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void allMigrationsApplyToH2() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState))
                .allMatch(state -> state == MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript))
                .contains("V1__lookup_tables.sql", "V3__one_active_number_per_venue_provider.sql",
                        "V5__sms_send_history.sql", "V0_1__order_system_standins.sql");
    }

    @Test
    void lookupTablesAreSeeded() {
        assertThat(names("ProviderNames")).containsExactly("twilio", "plivo");
        assertThat(names("VenuePhoneNumberStatuses")).containsExactly("active", "inactive", "released");
        assertThat(names("SmsConsentStatuses")).containsExactly("opted_in", "opted_out");
        assertThat(names("SmsSendHistoryStatuses")).contains("sent", "delivered", "undelivered", "failed",
                "skipped_order_invalid", "skipped_no_consent", "blocked_opted_out");
    }

    @Test
    void databaseAllowsOneActiveNumberPerVenueAndProvider() {
        String insert = "INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt)"
                + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";
        int twilio = 1, plivo = 2, active = 1, inactive = 2;
        jdbc.update(insert, 9001, "+15550009001", "PN1", twilio, active);
        jdbc.update(insert, 9001, "+15550009002", "PN2", twilio, inactive); // old numbers may pile up
        jdbc.update(insert, 9001, "+15550009003", "PN3", twilio, inactive);
        jdbc.update(insert, 9001, "+15550009004", "PN4", plivo, active); // one per provider

        assertThatThrownBy(() -> jdbc.update(insert, 9001, "+15550009005", "PN5", twilio, active))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private List<String> names(String table) {
        return jdbc.queryForList("SELECT Name FROM " + table + " ORDER BY ID", String.class);
    }
}
