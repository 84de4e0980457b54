package dev.storesapi.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Render Blueprints, checked without Render (docs/deploy.md "Deploy to Render"): render.yaml,
 * the default, costs nothing; render-with-worker.yaml adds the paid email worker. Render's JSON
 * schema is not reachable from here, so every key is checked against the fields Render's Blueprint
 * reference documents, and the wiring (names, properties, the settings this service needs) as well.
 */
@SuppressWarnings("unchecked")
class RenderBlueprintTest {

    private static final String FREE = "render.yaml";
    private static final String WITH_WORKER = "render-with-worker.yaml";

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
    private static final Set<String> SERVICE_PLANS = Set.of("free", "starter", "standard", "pro", "pro plus",
            "pro max", "pro ultra");
    private static final Set<String> MAXMEMORY_POLICIES = Set.of("noeviction", "allkeys-lru", "allkeys-lfu",
            "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    @ParameterizedTest
    @ValueSource(strings = {FREE, WITH_WORKER})
    void usesOnlyDocumentedKeys(String file) throws IOException {
        Blueprint blueprint = Blueprint.read(file);
        assertThat(blueprint.root().keySet()).isSubsetOf(ROOT);
        for (Map<String, Object> service : blueprint.services()) {
            assertThat(service.keySet()).as("service %s", service.get("name")).isSubsetOf(SERVICE);
            assertThat(SERVICE_TYPES).contains((String) service.get("type"));
            assertThat(SERVICE_PLANS).contains((String) service.get("plan"));
            if (service.containsKey("maxmemoryPolicy")) {
                assertThat(MAXMEMORY_POLICIES).contains((String) service.get("maxmemoryPolicy"));
            }
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
        for (Map<String, Object> database : blueprint.databases()) {
            assertThat(database.keySet()).isSubsetOf(DATABASE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FREE, WITH_WORKER})
    void referencesExistingDatabasesAndServices(String file) throws IOException {
        Blueprint blueprint = Blueprint.read(file);
        Set<String> databaseNames = blueprint.databases().stream().map(db -> (String) db.get("name"))
                .collect(Collectors.toSet());
        Set<String> serviceNames = blueprint.services().stream().map(s -> (String) s.get("name"))
                .collect(Collectors.toSet());
        for (Map<String, Object> service : blueprint.services()) {
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

    @ParameterizedTest
    @ValueSource(strings = {FREE, WITH_WORKER})
    void theWebServiceIsWiredAndTheQueueNeverEvicted(String file) throws IOException {
        Blueprint blueprint = Blueprint.read(file);
        Map<String, Object> web = blueprint.service("web");
        Map<String, Object> keyValue = blueprint.service("keyvalue");

        assertThat(web.get("runtime")).isEqualTo("docker");
        assertThat(web.get("healthCheckPath")).isEqualTo("/actuator/health/readiness");
        assertThat(envVar(web, "DATABASE_URL")).containsKey("fromDatabase");
        assertThat(envVar(web, "REDIS_URL")).containsKey("fromService");
        assertThat(envVar(web, "JWT_SECRET_KEY").get("generateValue")).isEqualTo(true);
        for (String admin : List.of("ADMIN_USERNAME", "ADMIN_EMAIL", "ADMIN_PASSWORD")) {
            assertThat(envVar(web, admin).get("sync")).as(admin).isEqualTo(false);
        }
        assertThat(keyValue.get("maxmemoryPolicy")).isEqualTo("noeviction");
        assertThat(keyValue).containsKey("ipAllowList");
        assertThat(blueprint.databases().getFirst().get("postgresMajorVersion")).as("as the tests' PostgreSQL")
                .isEqualTo("17");
    }

    @Test
    void theDefaultBlueprintCostsNothing() throws IOException {
        Blueprint free = Blueprint.read(FREE);

        for (Map<String, Object> resource : free.resources()) {
            assertThat(resource.get("plan")).as("plan of %s", resource.get("name")).isEqualTo("free");
        }
        assertThat(free.services()).extracting(service -> service.get("type"))
                .as("Render has no free background workers, private services or cron jobs")
                .containsOnly("web", "keyvalue");
    }

    @Test
    void onTheFreeRouteTheWebServiceSendsItsOwnEmailOverMailgunsHttpApi() throws IOException {
        Map<String, Object> web = Blueprint.read(FREE).service("web");

        assertThat(envVar(web, "EMAIL_WORKER_ENABLED").get("value")).isEqualTo("true");
        assertPromptsForMailgun(web);
        assertThat(envKeys(web)).as("free web services cannot open SMTP connections").doesNotContain("MAIL_HOST");
        assertThat(envKeys(web)).as("the link follows RENDER_EXTERNAL_URL; a value here would be reset at each sync")
                .doesNotContain("APP_DOCS_URL");
    }

    @Test
    void withAWorkerTheSameImageRunsInTheWorkerRoleAndOnlyTheWorkerSends() throws IOException {
        Blueprint withWorker = Blueprint.read(WITH_WORKER);
        Map<String, Object> web = withWorker.service("web");
        Map<String, Object> worker = withWorker.service("worker");

        assertThat(worker.get("runtime")).isEqualTo("docker");
        assertThat(worker.get("dockerfilePath")).isEqualTo(web.get("dockerfilePath"));
        assertThat((String) worker.get("dockerCommand")).isEqualTo("docker-entrypoint.sh worker");
        assertThat(worker.get("plan")).as("background workers are never free").isNotEqualTo("free");
        assertThat(envVar(web, "EMAIL_WORKER_ENABLED").get("value")).isEqualTo("false");
        assertThat(envKeys(worker)).contains("DATABASE_URL", "REDIS_URL");
        assertPromptsForMailgun(worker);
        assertThat(envVar(worker, "APP_DOCS_URL").get("sync")).as("asked for once, never reset by a sync")
                .isEqualTo(false);
    }

    @Test
    void bothShareTheDatabaseKeyValueAndWebServiceSoSwitchingKeepsTheData() throws IOException {
        Blueprint free = Blueprint.read(FREE);
        Blueprint withWorker = Blueprint.read(WITH_WORKER);

        assertThat(withWorker.databases()).isEqualTo(free.databases());
        assertThat(withWorker.service("keyvalue")).isEqualTo(free.service("keyvalue"));
        assertThat(withWorker.service("web").get("name")).isEqualTo(free.service("web").get("name"));
    }

    private static void assertPromptsForMailgun(Map<String, Object> service) {
        for (String secret : List.of("MAILGUN_API_KEY", "MAILGUN_DOMAIN", "MAIL_FROM")) {
            assertThat(envVar(service, secret).get("sync")).as(secret).isEqualTo(false);
        }
        assertThat(envKeys(service)).as("left to the dashboard (an EU domain changes it), where a sync keeps it")
                .doesNotContain("MAILGUN_API_BASE");
    }

    private record Blueprint(Map<String, Object> root) {

        static Blueprint read(String file) throws IOException {
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                return new Blueprint(new Yaml().load(reader));
            }
        }

        List<Map<String, Object>> services() {
            return (List<Map<String, Object>>) root.get("services");
        }

        List<Map<String, Object>> databases() {
            return (List<Map<String, Object>>) root.get("databases");
        }

        List<Map<String, Object>> resources() {
            return Stream.concat(services().stream(), databases().stream()).toList();
        }

        Map<String, Object> service(String type) {
            return services().stream().filter(s -> type.equals(s.get("type"))).findFirst().orElseThrow();
        }
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
