package com.tixtrack.sms.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Plivo V3 signatures against vectors computed with plivo-python's {@code validate_v3_signature} algorithm
 * (utils/signature_v3.py), so a change to the implementation that drifts from Plivo's is caught.
 */
class PlivoSignatureV3Test {

    static final String TOKEN = "MA_test_token_0123456789";

    static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], List.of(kv[i + 1]));
        }
        return params;
    }

    final Map<String, List<String>> inbound = params("From", "14155550101", "To", "15005550006", "Text", "STOP",
            "MessageUUID", "7a8b9c0d-1111-2222-3333-444455556666", "Type", "sms");

    @Test
    void postParametersAreSortedAndAppendedAsKeyValueAfterAQuestionMark() {
        assertThat(PlivoSignatureV3.signedUrl("POST", "https://sms.example.com/webhook/plivo", inbound))
                .isEqualTo("https://sms.example.com/webhook/plivo?From14155550101"
                        + "MessageUUID7a8b9c0d-1111-2222-3333-444455556666TextSTOPTo15005550006Typesms");
        assertThat(PlivoSignatureV3.compute("POST", "https://sms.example.com/webhook/plivo", inbound,
                "05429567804466091622", TOKEN)).isEqualTo("PNbqbDCY8DqJAkBCW//yKeRzN0gslAGZ51zeeUHd2TQ=");
    }

    @Test
    void aQueryAndPostParametersAreJoinedWithADotAndThePortIsKept() {
        String url = "https://sms.example.com:8443/webhook/plivo/status?tenant=a+b&x=1";
        Map<String, List<String>> status = params("MessageUUID", "abc", "Status", "delivered", "ErrorCode", "");
        assertThat(PlivoSignatureV3.signedUrl("POST", url, status)).isEqualTo(
                "https://sms.example.com:8443/webhook/plivo/status?tenant=a b&x=1.ErrorCodeMessageUUIDabcStatusdelivered");
        assertThat(PlivoSignatureV3.compute("POST", url, status, "12345", TOKEN))
                .isEqualTo("NPJiJ9jUwk2lqQOs+KpUPaquex2t7b+cesIjvHU0tno=");
    }

    @Test
    void withoutParametersTheUrlIsSignedAlone() {
        assertThat(PlivoSignatureV3.compute("POST", "https://sms.example.com/webhook/plivo", Map.of(), "999", TOKEN))
                .isEqualTo("hphYKj2ZKRga+0IoUSM5H45/rLFAGqrc2z1YRc1f+a0=");
    }

    @Test
    void nonAsciiTextIsAcceptedSignedAsUtf8OrAsPlivoPythonDoes() {
        String url = "https://sms.example.com/webhook/plivo";
        Map<String, List<String>> p = params("Text", "Caf\u00e9 \u2713", "From", "447911123456");
        String utf8 = "Xvh66j911ARe+IKRNlW7wKmQ5BQcwHV9JnHldie/HAk="; // plivo-go, plivo-node
        String python = "8Tmj/fHWuIrH/snqMjOVwtasHwfEQCddE+xAqeqzOwk="; // plivo-python, UTF-8 encoded twice
        assertThat(PlivoSignatureV3.compute("POST", url, p, "777", TOKEN)).isEqualTo(utf8);
        assertThat(PlivoSignatureV3.computeDoubleEncoded("POST", url, p, "777", TOKEN)).isEqualTo(python);
        assertThat(PlivoSignatureV3.isValid("POST", url, p, "777", utf8, TOKEN)).isTrue();
        assertThat(PlivoSignatureV3.isValid("POST", url, p, "777", python, TOKEN)).isTrue();
        assertThat(PlivoSignatureV3.isValid("POST", url, p, "778", python, TOKEN)).isFalse();
    }

    @Test
    void acceptsAnyOfSeveralCommaSeparatedSignatures() {
        String url = "https://sms.example.com/webhook/plivo";
        String good = PlivoSignatureV3.compute("POST", url, inbound, "n1", TOKEN);
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, "n1", good, TOKEN)).isTrue();
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, "n1", "old-token-signature, " + good, TOKEN)).isTrue();
    }

    @Test
    void rejectsAnythingThatDoesNotMatch() {
        String url = "https://sms.example.com/webhook/plivo";
        String good = PlivoSignatureV3.compute("POST", url, inbound, "n1", TOKEN);
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, "n2", good, TOKEN)).as("other nonce").isFalse();
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, "n1", good, "other-token")).as("other token").isFalse();
        assertThat(PlivoSignatureV3.isValid("POST", "https://old.example.com/webhook/plivo", inbound, "n1", good, TOKEN))
                .as("other URL").isFalse();
        Map<String, List<String>> tampered = new LinkedHashMap<>(inbound);
        tampered.put("Text", List.of("START"));
        assertThat(PlivoSignatureV3.isValid("POST", url, tampered, "n1", good, TOKEN)).as("other text").isFalse();
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, "n1", null, TOKEN)).as("no signature").isFalse();
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, null, good, TOKEN)).as("no nonce").isFalse();
        assertThat(PlivoSignatureV3.isValid("POST", url, inbound, "n1", good, "")).as("no token").isFalse();
    }

    @Test
    void repeatedParametersSignEachValueInOrder() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("b", List.of("2", "1"));
        p.put("a", List.of("x"));
        assertThat(PlivoSignatureV3.signedUrl("POST", "http://h/p", p)).isEqualTo("http://h/p?axb1b2");
    }
}
