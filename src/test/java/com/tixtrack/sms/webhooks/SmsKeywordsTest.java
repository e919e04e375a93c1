package com.tixtrack.sms.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsKeywordsTest {

    final SmsKeywords keywords = new SmsKeywords();

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "STOPALL", "unsubscribe", "CANCEL", "end", "Quit", "REVOKE",
            "optout", "\tSTOP\n"})
    void optOutWords(String body) {
        assertThat(keywords.action(body, null)).isEqualTo(SmsKeywords.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", " Yes", "UNSTOP"})
    void optInWords(String body) {
        assertThat(keywords.action(body, null)).isEqualTo(SmsKeywords.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help ", "Info"})
    void helpWords(String body) {
        assertThat(keywords.action(body, null)).isEqualTo(SmsKeywords.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "please stop", "STOP!", "STOP it", "stopp", "Thanks", "YES PLEASE"})
    void onlyTheWholeBodyCounts(String body) {
        assertThat(keywords.action(body, null)).isEqualTo(SmsKeywords.NONE);
    }

    @ParameterizedTest
    @CsvSource({"STOP,arret,opt-out", "start,hello,opt-in", "HELP,STOP,help", "SOMETHING,STOP,opt-out", "'',STOP,opt-out"})
    void twiliosOptOutTypeWinsOverTheBody(String optOutType, String body, String expected) {
        assertThat(keywords.action(body, optOutType)).isEqualTo(expected);
    }

    @Test
    void noBodyIsNoKeyword() {
        assertThat(keywords.action(null, null)).isEqualTo(SmsKeywords.NONE);
    }
}
