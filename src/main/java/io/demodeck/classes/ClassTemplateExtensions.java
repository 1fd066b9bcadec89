package io.demodeck.classes;

import io.quarkus.qute.TemplateExtension;

/** Russian plural forms for the messages: {@code {plural:ru(count)}} is one (1, 21), few (2-4, 22) or many (5, 11, 0). */
@TemplateExtension(namespace = "plural")
public class ClassTemplateExtensions {

    static String ru(long n) {
        long m10 = Math.abs(n) % 10;
        long m100 = Math.abs(n) % 100;
        if (m10 == 1 && m100 != 11) {
            return "one";
        }
        return m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? "few" : "many";
    }
}
