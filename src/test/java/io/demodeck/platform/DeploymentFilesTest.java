package io.demodeck.platform;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files an operator deploys with (docker/) agree with the app and carry no usable default secret. */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("docker", "compose.yml");
    private static final Path NGINX = Path.of("docker", "nginx.conf");
    private static final Path APP_PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    /** The settings that hold a secret, per service of the compose file. */
    private static final Map<String, List<String>> SECRETS = Map.of(
            "db", List.of("POSTGRES_PASSWORD"),
            "app1", List.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"),
            "app2", List.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"));

    /** {@code ${NAME:?message}}: compose refuses to start when NAME is unset or empty. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

    @Test
    void composeHasNoDefaultForAnySecretAndRefusesToStartWithoutThem() throws IOException {
        String text = Files.readString(COMPOSE);
        Map<String, Map<String, Object>> environments = environments(text);
        for (var service : SECRETS.entrySet()) {
            Map<String, Object> env = environments.get(service.getKey());
            for (String setting : service.getValue()) {
                String value = String.valueOf(env.get(setting));
                Matcher required = REQUIRED_VARIABLE.matcher(value);
                assertTrue(required.matches(), service.getKey() + " " + setting + " must be ${VAR:?message}, is: " + value);
            }
        }
        // no `${VAR:-default}` or `${VAR-default}` anywhere: a default would be a secret published in the repository
        Matcher withDefault = Pattern.compile("\\$\\{[A-Z0-9_]+:?-[^}]*}").matcher(text);
        assertFalse(withDefault.find(), () -> "a variable with a default: " + withDefault.group());
    }

    @Test
    void composeTurnsSwaggerUiOff() throws IOException {
        Map<String, Map<String, Object>> environments = environments(Files.readString(COMPOSE));
        for (String app : List.of("app1", "app2")) {
            assertEquals("false", String.valueOf(environments.get(app).get("QUARKUS_SWAGGER_UI_ENABLED")), app);
        }
    }

    @Test
    void nginxAcceptsExactlyTheBodiesTheAppAccepts() throws IOException {
        Matcher nginx = Pattern.compile("(?m)^\\s*client_max_body_size\\s+(\\d+)([kKmMgG]?)\\s*;").matcher(Files.readString(NGINX));
        assertTrue(nginx.find(), "client_max_body_size in " + NGINX);
        Properties app = new Properties();
        try (var in = Files.newBufferedReader(APP_PROPERTIES)) {
            app.load(in);
        }
        String appLimit = app.getProperty("quarkus.http.limits.max-body-size");
        Matcher quarkus = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(appLimit.strip());
        assertTrue(quarkus.matches(), "quarkus.http.limits.max-body-size=" + appLimit);
        // a smaller nginx limit answers with its bare 413 instead of the app's explanation; a larger one lets nginx
        // buffer bodies the app refuses anyway
        assertEquals(bytes(quarkus.group(1), quarkus.group(2)), bytes(nginx.group(1), nginx.group(2)),
                "nginx client_max_body_size " + nginx.group() + " vs the app's " + appLimit);
    }

    /** Both nginx and Quarkus read k/m/g as powers of 1024. */
    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    /** Each service's environment, with YAML anchors and merge keys resolved. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> environments(String composeText) {
        Map<String, Object> compose = new Yaml().load(composeText);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Map<String, Object>> result = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : SECRETS.keySet()) {
            Map<String, Object> service = (Map<String, Object>) services.get(name);
            if (service == null || !(service.get("environment") instanceof Map<?, ?> env)) {
                missing.add(name);
                continue;
            }
            result.put(name, (Map<String, Object>) env);
        }
        assertEquals(List.of(), missing, "services without an environment map");
        return result;
    }
}
