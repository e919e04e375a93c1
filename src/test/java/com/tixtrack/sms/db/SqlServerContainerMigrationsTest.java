package com.tixtrack.sms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production migrations on a real SQL Server, where Docker runs (skipped on machines without it, such as
 * this project's CI): the azure profile's Flyway locations, the filtered unique index and a history insert.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerContainerMigrationsTest {

    @Container
    static final MSSQLServerContainer<?> SQL_SERVER =
            new MSSQLServerContainer<>("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

    @Test
    void migrationsApplyAndTheDatabaseEnforcesTheRules() {
        DriverManagerDataSource db = new DriverManagerDataSource(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(),
                SQL_SERVER.getPassword());
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/sqlserver")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);

        String number = "INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt)"
                + " VALUES (1, ?, ?, 1, ?, SYSUTCDATETIME())";
        jdbc.update(number, "+15005550006", "PN1", 1);
        jdbc.update(number, "+15005550007", "PN2", 2);
        assertThatThrownBy(() -> jdbc.update(number, "+15005550008", "PN3", 1)).isInstanceOf(DuplicateKeyException.class);

        jdbc.update("INSERT INTO SmsSendHistory (EventKey, MessageType, OrderID, StatusID, CreatedAt, UpdatedAt)"
                + " VALUES ('SendOrderConfirmationSms:0d000000-0000-0000-0000-000000000001', 'SendOrderConfirmationSms',"
                + " '0d000000-0000-0000-0000-000000000001', 2, SYSUTCDATETIME(), SYSUTCDATETIME())");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SmsSendHistory", Integer.class)).isEqualTo(1);
    }
}
