package com.tixtrack.sms.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    final PhoneNumbers phones = new PhoneNumbers("US");

    @Test
    void normalisesWhatCustomersTypeToE164() {
        assertThat(phones.toE164("(415) 555-0101")).isEqualTo("+14155550101");
        assertThat(phones.toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(phones.toE164("+254 712 345678")).isEqualTo("+254712345678");
    }

    @Test
    void rejectsWithAReasonThatHidesTheNumber() {
        assertThatThrownBy(() -> phones.toE164("")).hasMessage("phone number is missing");
        assertThatThrownBy(() -> phones.toE164("not-a-number")).hasMessageContaining("cannot be parsed");
        assertThatThrownBy(() -> phones.toE164("+1 415 555 01"))
                .isInstanceOf(PhoneNumbers.InvalidPhoneNumberException.class)
                .hasMessageNotContaining("41555501");
    }

    @Test
    void masksToTheLastFourDigits() {
        assertThat(PhoneNumbers.mask("+14155550101")).isEqualTo("+*******0101");
        assertThat(PhoneNumbers.mask("12")).isEqualTo("****");
        assertThat(phones.regionOf("+254712345678")).isEqualTo("KE");
    }
}
