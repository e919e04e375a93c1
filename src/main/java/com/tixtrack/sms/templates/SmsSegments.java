package com.tixtrack.sms.templates;

/**
 * How many SMS segments a text costs. GSM-7 when every character is in the GSM 03.38 basic set or its
 * extension table (extension characters take two septets): 160 in one segment, 153 per segment when split.
 * Otherwise UCS-2, counted in UTF-16 code units (an emoji takes two): 70 in one segment, 67 when split.
 */
public final class SmsSegments {

    public enum Encoding { GSM_7, UCS_2 }

    public record Count(Encoding encoding, int units, int segments) {
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static Count count(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new Count(Encoding.UCS_2, units, segments(units, 70, 67));
            }
        }
        return new Count(Encoding.GSM_7, septets, segments(septets, 160, 153));
    }

    private static int segments(int units, int single, int multi) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + multi - 1) / multi;
    }
}
