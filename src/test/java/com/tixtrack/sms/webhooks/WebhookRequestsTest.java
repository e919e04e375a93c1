package com.tixtrack.sms.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import com.tixtrack.sms.api.ProblemException;

class WebhookRequestsTest {

    @ParameterizedTest
    @CsvSource({"queued,queued,1", "accepted,queued,1", "sending,sent,2", "sent,sent,2", "DELIVERED,delivered,3",
            "read,delivered,3", "undelivered,undelivered,3", "failed,failed,3", "rejected,failed,3",
            "canceled,failed,3"})
    void providerStatusesMapToHistoryStatusesWithTheirRank(String provider, String status, int rank) {
        assertThat(WebhookRequests.deliveryStatus(provider)).isEqualTo(status);
        assertThat(WebhookRequests.rank(status)).isEqualTo(rank);
    }

    @Test
    void untrackedStatusesAreNull() {
        assertThat(WebhookRequests.deliveryStatus("receiving")).isNull();
        assertThat(WebhookRequests.deliveryStatus(null)).isNull();
        assertThat(WebhookRequests.rank(null)).isNull();
    }

    @Test
    void formBodiesAreDecodedWithPlusAsSpaceAndRepeatedNamesKept() {
        var params = WebhookRequests.parseForm("Body=Hello+there%21&From=%2B14155550101&x=1&x=2&empty=");
        assertThat(params.get("Body")).containsExactly("Hello there!");
        assertThat(params.get("From")).containsExactly("+14155550101");
        assertThat(params.get("x")).containsExactly("1", "2");
        assertThat(params.get("empty")).containsExactly("");
        assertThat(WebhookRequests.parseForm("")).isEmpty();
        assertThatThrownBy(() -> WebhookRequests.parseForm("a=%zz")).isInstanceOf(ProblemException.class);
    }

    @Test
    void theCachedFormServesTheBodyOrTheParametersLikeTheContainer() throws Exception {
        MockHttpServletRequest original = new MockHttpServletRequest("POST", "/simulator/x");
        original.setQueryString("q=1");
        original.addParameter("q", "1"); // the container's query parameters
        byte[] body = "To=%2B14155550101&Body=Hi+there&q=2".getBytes(StandardCharsets.UTF_8);

        var forController = new FormBodyFilter.CachedBodyRequest(original, body);
        assertThat(forController.getParameter("To")).isEqualTo("+14155550101");
        assertThat(forController.getParameter("Body")).isEqualTo("Hi there");
        assertThat(forController.getParameterValues("q")).containsExactly("1", "2");

        var forCamel = new FormBodyFilter.CachedBodyRequest(original, body);
        assertThat(forCamel.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(java.util.Collections.list(forCamel.getParameterNames())).as("fields not mapped twice")
                .containsExactly("q");
        assertThat(forCamel.getReader().readLine()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void formBodyFilterRefusesWhatCamelCannotRead() {
        assertThat(FormBodyFilter.wellFormed("a=1&b=", StandardCharsets.UTF_8)).isTrue();
        assertThat(FormBodyFilter.wellFormed("", StandardCharsets.UTF_8)).isTrue();
        assertThat(FormBodyFilter.wellFormed("a=1&", StandardCharsets.UTF_8)).isTrue();
        for (String bad : List.of("abc", "a=1&&b=2", "&a=1", "=x", "a=%zz", "a=%4")) {
            assertThat(FormBodyFilter.wellFormed(bad, StandardCharsets.UTF_8)).as(bad).isFalse();
        }
    }
}
