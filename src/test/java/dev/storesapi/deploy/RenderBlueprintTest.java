package dev.storesapi.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * render.yaml, checked without Render: Render's JSON schema is not reachable from here, so every
 * key is checked against the fields Render's Blueprint reference documents, and the wiring
 * (names, properties, the settings this service needs) is checked as well.
 */
@SuppressWarnings("unchecked")
class RenderBlueprintTest {

    // From Render's "Blueprint YAML Reference" (render.com/docs/blueprint-spec).
    private static final Set<String> ROOT = Set.of("services", "databases", "envVarGroups", "previews", "projects",
            "ungrouped");
    private static final Set<String> SERVICE = Set.of("type", "name", "runtime", "plan", "region", "repo", "branch",
            "rootDir", "dockerfilePath", "dockerContext", "dockerCommand", "buildCommand", "startCommand",
            "preDeployCommand", "healthCheckPath", "envVars", "numInstances", "scaling", "autoDeploy",
            "autoDeployTrigger", "maxShutdownDelaySeconds", "domains", "disk", "buildFilter", "registryCredential",
            "image", "schedule", "ipAllowList", "maxmemoryPolicy", "previews", "pullRequestPreviewsEnabled");
    private static final Set<String> DATABASE = Set.of("name", "plan", "region", "databaseName", "user",
            "postgresMajorVersion", "ipAllowList", "diskSizeGB", "highAvailability", "readReplicas", "previewPlan");
    private static final Set<String> ENV_VAR = Set.of("key", "value", "generateValue", "sync", "fromDatabase",
            "fromService", "fromGroup");
    private static final Set<String> FROM_DATABASE = Set.of("name", "property");
    private static final Set<String> FROM_SERVICE = Set.of("type", "name", "property", "envVarKey");
    private static final Set<String> SERVICE_TYPES = Set.of("web", "pserv", "worker", "cron", "keyvalue", "redis");
    private static final Set<String> MAXMEMORY_POLICIES = Set.of("noeviction", "allkeys-lru", "allkeys-lfu",
            "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    private static Map<String, Object> blueprint;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("render.yaml"))) {
            blueprint = new Yaml().load(reader);
        }
    }

    @Test
    void usesOnlyDocumentedKeys() {
        assertThat(blueprint.keySet()).isSubsetOf(ROOT);
        for (Map<String, Object> service : services()) {
            assertThat(service.keySet()).as("service %s", service.get("name")).isSubsetOf(SERVICE);
            assertThat(SERVICE_TYPES).contains((String) service.get("type"));
            for (Map<String, Object> envVar : envVars(service)) {
                assertThat(envVar.keySet()).as("env var %s", envVar.get("key")).isSubsetOf(ENV_VAR);
                if (envVar.get("fromDatabase") instanceof Map<?, ?> from) {
                    assertThat((Set<String>) from.keySet()).isSubsetOf(FROM_DATABASE);
                }
                if (envVar.get("fromService") instanceof Map<?, ?> from) {
                    assertThat((Set<String>) from.keySet()).isSubsetOf(FROM_SERVICE);
                }
            }
        }
        for (Map<String, Object> database : databases()) {
            assertThat(database.keySet()).isSubsetOf(DATABASE);
        }
    }

    @Test
    void referencesExistingDatabasesAndServices() {
        Set<String> databaseNames = databases().stream().map(db -> (String) db.get("name")).collect(Collectors.toSet());
        Set<String> serviceNames = services().stream().map(s -> (String) s.get("name")).collect(Collectors.toSet());
        for (Map<String, Object> service : services()) {
            for (Map<String, Object> envVar : envVars(service)) {
                if (envVar.get("fromDatabase") instanceof Map<?, ?> from) {
                    assertThat(databaseNames).contains((String) from.get("name"));
                    assertThat(from.get("property")).isEqualTo("connectionString");
                }
                if (envVar.get("fromService") instanceof Map<?, ?> from) {
                    assertThat(serviceNames).contains((String) from.get("name"));
                }
            }
        }
    }

    @Test
    void deploysWebAndWorkerFromOneDockerImage() {
        Map<String, Object> web = service("web");
        Map<String, Object> worker = service("worker");

        assertThat(web.get("runtime")).isEqualTo("docker");
        assertThat(web.get("healthCheckPath")).isEqualTo("/actuator/health/readiness");
        assertThat(worker.get("runtime")).isEqualTo("docker");
        assertThat(worker.get("dockerfilePath")).isEqualTo(web.get("dockerfilePath"));
        assertThat((String) worker.get("dockerCommand")).endsWith(" worker");
        assertThat(envKeys(web)).contains("DATABASE_URL", "REDIS_URL", "JWT_SECRET_KEY");
        assertThat(envKeys(worker)).contains("DATABASE_URL", "REDIS_URL", "MAILGUN_API_KEY", "MAILGUN_DOMAIN",
                "MAILGUN_API_BASE", "MAIL_FROM");
    }

    @Test
    void generatesTheJwtSecretAndPromptsForMailgunCredentialsOnBothServices() {
        assertThat(envVar(service("web"), "JWT_SECRET_KEY").get("generateValue")).isEqualTo(true);
        for (String service : List.of("web", "worker")) {
            for (String secret : List.of("MAILGUN_API_KEY", "MAILGUN_DOMAIN", "MAIL_FROM")) {
                assertThat(envVar(service(service), secret).get("sync")).as(service + " " + secret).isEqualTo(false);
            }
            assertThat(envVar(service(service), "MAILGUN_API_BASE").get("value")).isEqualTo("https://api.mailgun.net");
        }
        assertThat(envVar(service("web"), "DATABASE_URL")).containsKey("fromDatabase");
        assertThat(envVar(service("web"), "REDIS_URL")).containsKey("fromService");
    }

    @Test
    void keyValueNeverEvictsTheQueueAndPostgresMatchesTheTests() {
        Map<String, Object> keyValue = service("keyvalue");

        assertThat(keyValue.get("maxmemoryPolicy")).isEqualTo("noeviction");
        assertThat(MAXMEMORY_POLICIES).contains((String) keyValue.get("maxmemoryPolicy"));
        assertThat(keyValue).containsKey("ipAllowList");
        assertThat(databases().getFirst().get("postgresMajorVersion")).isEqualTo("17");
    }

    private static List<Map<String, Object>> services() {
        return (List<Map<String, Object>>) blueprint.get("services");
    }

    private static List<Map<String, Object>> databases() {
        return (List<Map<String, Object>>) blueprint.get("databases");
    }

    private static Map<String, Object> service(String type) {
        return services().stream().filter(s -> type.equals(s.get("type"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> envVars(Map<String, Object> service) {
        return (List<Map<String, Object>>) service.getOrDefault("envVars", List.of());
    }

    private static Set<String> envKeys(Map<String, Object> service) {
        return envVars(service).stream().map(e -> (String) e.get("key")).collect(Collectors.toSet());
    }

    private static Map<String, Object> envVar(Map<String, Object> service, String key) {
        return envVars(service).stream().filter(e -> key.equals(e.get("key"))).findFirst().orElseThrow();
    }
}
