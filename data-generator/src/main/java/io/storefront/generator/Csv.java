package io.storefront.generator;

/** Appends CSV fields without allocating per number; output is the same on every locale. */
final class Csv {

    private Csv() {
    }

    static StringBuilder text(StringBuilder out, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) return out.append(value);
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') out.append('"');
            out.append(c);
        }
        return out.append('"');
    }

    /** Cents as a decimal with two digits: -1234 → "-12.34". */
    static StringBuilder money(StringBuilder out, long cents) {
        if (cents < 0) {
            out.append('-');
            cents = -cents;
        }
        out.append(cents / 100).append('.');
        long rest = cents % 100;
        if (rest < 10) out.append('0');
        return out.append(rest);
    }
}
