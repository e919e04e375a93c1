package com.tixtrack.sms.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tixtrack.sms.templates.SmsSegments.Encoding;

class SmsSegmentsTest {

    @Test
    void plainGsm7FitsOneSegmentUpTo160() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306)).segments()).isEqualTo(2); // 153 per segment once split
        assertThat(SmsSegments.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("Café £5 @ Zürich").encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void gsmExtensionCharactersCountTwice() {
        SmsSegments.Count euros = SmsSegments.count("€".repeat(80));
        assertThat(euros.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(euros.units()).isEqualTo(160);
        assertThat(euros.segments()).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(80) + "[").segments()).isEqualTo(2);
        assertThat(SmsSegments.count("{}[]~|^\\").units()).isEqualTo(16);
    }

    @Test
    void anythingOutsideGsm7MakesTheWholeMessageUcs2() {
        assertThat(SmsSegments.count("Hi Zoë ✓")).isEqualTo(new SmsSegments.Count(Encoding.UCS_2, 8, 1));
        assertThat(SmsSegments.count("ж".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.count("ж".repeat(71)).segments()).isEqualTo(2); // 67 per segment once split
        assertThat(SmsSegments.count("ж".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("🎟").units()).isEqualTo(2); // outside the BMP: two UTF-16 units
    }
}
