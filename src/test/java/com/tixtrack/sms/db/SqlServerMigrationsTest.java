package com.tixtrack.sms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * SQL Server is the production truth, but only H2 runs here: every table, constraint and index the H2 migration
 * path creates must also be created by the SQL Server path, and the SQL Server scripts must not use H2-only syntax.
 */
class SqlServerMigrationsTest {

    private static final Pattern TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAINT = Pattern.compile("CONSTRAINT\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?(?:NONCLUSTERED\\s+|CLUSTERED\\s+)?INDEX\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void sqlServerScriptsCreateEverythingTheH2ScriptsCreate() throws IOException {
        String h2 = scripts("classpath:db/migration/*.sql", "classpath:db/vendor/h2/*.sql");
        String sqlServer = scripts("classpath:db/migration/*.sql", "classpath:db/vendor/sqlserver/*.sql");

        for (Pattern kind : new Pattern[] {TABLE, CONSTRAINT, INDEX}) {
            Set<String> inH2 = names(kind, h2);
            assertThat(inH2).isNotEmpty();
            assertThat(names(kind, sqlServer)).containsAll(inH2);
        }
        assertThat(names(TABLE, sqlServer)).contains("SmsSendHistory", "VenuePhoneNumbers", "SmsConsent",
                "CAMEL_MESSAGEPROCESSED", "AdminAudit");
    }

    @Test
    void sqlServerScriptsUseSqlServerSyntaxOnly() throws IOException {
        String sqlServer = scripts("classpath:db/vendor/sqlserver/*.sql");

        assertThat(sqlServer).doesNotContainIgnoringCase("GENERATED ALWAYS")
                .doesNotContainIgnoringCase("AUTO_INCREMENT")
                .doesNotContainIgnoringCase("MERGE INTO");
        // the rule the H2 scripts emulate with a generated column is a filtered index on SQL Server
        assertThat(sqlServer).containsPattern("(?s)UX_VenuePhoneNumbers_ActiveVenueProvider.*WHERE\\s+StatusID\\s*=\\s*1");
        assertThat(sqlServer).containsPattern("CREATE\\s+CLUSTERED\\s+INDEX\\s+IX_SmsSendHistory_CreatedAt");
    }

    private static Set<String> names(Pattern pattern, String sql) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String scripts(String... locations) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String location : locations) {
            for (Resource script : new PathMatchingResourcePatternResolver().getResources(location)) {
                all.append(script.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "")).append('\n');
            }
        }
        return all.toString();
    }
}
