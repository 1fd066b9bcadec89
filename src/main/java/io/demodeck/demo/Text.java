package io.demodeck.demo;

/** A text in both interface languages. */
public record Text(String ru, String en) {

    public String in(String lang) {
        return "ru".equals(lang) ? ru : en;
    }
}
