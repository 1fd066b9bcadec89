package io.demodeck.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Plural forms by the CLDR rules of both interface languages, for Java code and for message templates.
 * <ul>
 *   <li>Russian: one (1, 21, 101), few (2-4, 22-24), many (0, 5-20, 11-14, 25), and a fraction takes the
 *   genitive singular, which is the few form for the words we count ("1,5 часа", "в 55,2 раза").</li>
 *   <li>English: one (exactly 1), other ("0 days", "2 days", "1.5 days").</li>
 * </ul>
 * In a message template: {@code {#when plural:ru(n)}{#is 'one'}день{#is 'few'}дня{#else}дней{/when}} and
 * {@code {#if plural:en(n) == 'one'}day{#else}days{/if}}; in Java {@link #ru(double, String, String, String)} and
 * {@link #en(double, String, String)}, or {@link #of} for a page language.
 */
public final class Plural {

    private Plural() {
    }

    /** The Russian category of {@code n}: "one", "few" or "many"; a fraction is "few" (it takes the few form). */
    @TemplateExtension(namespace = "plural")
    public static String ru(Number number) {
        double n = number.doubleValue();
        if (n != Math.rint(n)) {
            return "few";
        }
        long abs = Math.abs((long) n);
        long m10 = abs % 10;
        long m100 = abs % 100;
        if (m10 == 1 && m100 != 11) {
            return "one";
        }
        return m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? "few" : "many";
    }

    /** The English category of {@code n}: "one" for exactly 1, else "other". */
    @TemplateExtension(namespace = "plural")
    public static String en(Number n) {
        return n.doubleValue() == 1 ? "one" : "other";
    }

    /** The Russian word for {@code n}: 1 день, 3 дня, 5 дней, 1,5 дня. */
    public static String ru(double n, String one, String few, String many) {
        return switch (ru((Number) n)) {
            case "one" -> one;
            case "few" -> few;
            default -> many;
        };
    }

    /** The English word for {@code n}: 1 day, 2 days. */
    public static String en(double n, String one, String other) {
        return n == 1 ? one : other;
    }

    /** The word for {@code n} in the page language {@code lang} ("ru" or "en"). */
    public static String of(String lang, double n, String ruOne, String ruFew, String ruMany, String enOne, String enOther) {
        return "ru".equals(lang) ? ru(n, ruOne, ruFew, ruMany) : en(n, enOne, enOther);
    }
}
