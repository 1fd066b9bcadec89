package io.demodeck.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * The field of a constraint violation as the client wrote it: a query (path, form, header) parameter by its HTTP
 * name ({@code limit}, never {@code changes.arg1}), a property of the JSON body by its path in the document
 * ({@code reviews[3].rating}), the body itself as {@code body}.
 */
public final class ViolationFields {

    private ViolationFields() {
    }

    public static String of(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Method method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = method(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                case PARAMETER -> field.append(parameterName(method, node.as(Path.ParameterNode.class)));
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    if (node.isInIterable()) {
                        // the node after a list (or map) carries the element's index (or key)
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getKind() == ElementKind.PROPERTY) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                    // constructor and return value nodes name nothing the client sent
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A HTTP parameter's own name; a body parameter has none: its properties follow from the document's root. */
    private static String parameterName(Method method, Path.ParameterNode node) {
        if (method == null || node.getParameterIndex() >= method.getParameterCount()) {
            return node.getName();
        }
        Annotation[] annotations = method.getParameterAnnotations()[node.getParameterIndex()];
        String javaName = method.getParameters()[node.getParameterIndex()].getName();
        return Arrays.stream(annotations).map(a -> httpName(a, javaName)).flatMap(Optional::stream).findFirst().orElse("");
    }

    private static Optional<String> httpName(Annotation a, String javaName) {
        String name = switch (a) {
            case QueryParam q -> q.value();
            case PathParam p -> p.value();
            case FormParam f -> f.value();
            case HeaderParam h -> h.value();
            case CookieParam c -> c.value();
            case RestQuery q -> q.value().isEmpty() ? javaName : q.value();
            case RestPath p -> p.value().isEmpty() ? javaName : p.value();
            case RestForm f -> f.value().isEmpty() ? javaName : f.value();
            case RestHeader h -> h.value().isEmpty() ? javaName : h.value();
            default -> null;
        };
        return Optional.ofNullable(name);
    }

    /**
     * The validated method as the resource declares it: the root bean may be a generated CDI subclass, whose
     * override carries no parameter annotations, so the highest declaration wins.
     */
    private static Method method(Class<?> type, Path.MethodNode node) {
        Class<?>[] parameters = node.getParameterTypes().toArray(Class<?>[]::new);
        Method declared = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                declared = c.getDeclaredMethod(node.getName(), parameters);
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return declared;
    }
}
