package org.mianzheng.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.SignatureAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both reference platforms on one loopback port: onewindow under {@code /onewindow}, cityhub under {@code /cityhub}.
 * Start with {@link #start(SimulatorConfig)}; use {@link #oneWindowUrl()} and {@link #cityHubUrl()} as the clients'
 * base URLs; inject faults with {@link #faults()}; look at the seeded data with {@link #data()}; drive the
 * directed-request desk with {@link #desk()}; {@link #close()} stops everything (held connections included).
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorConfig.defaults())) {
 *     sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.SERVER_ERROR).times(1));
 *     URI base = sim.cityHubUrl();
 * }
 * }</pre>
 *
 * <p>Standalone: {@code java -jar mianzheng-simulator.jar --port 8460} (see {@link #main} and {@code docs/adapters.md}).
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    private static final int MAX_SEEN = 10_000;

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final Faults faults;
    private final SampleData data;
    private final Desk desk;
    private final OneWindowPlatform oneWindow;
    private final CityHubPlatform cityHub;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();
    private final Deque<SeenCall> seen = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean closed;

    private Simulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.faults = new Faults(config.latency());
        this.data = new SampleData(config.seed());
        this.desk = new Desk(config.clock());
        this.oneWindow = new OneWindowPlatform(config, data);
        this.cityHub = new CityHubPlatform(config, data, desk);
        InetSocketAddress addr = new InetSocketAddress(config.host(), config.port());
        if (config.sslContext() != null) {
            HttpsServer s = HttpsServer.create(addr, 1024);
            SSLContext ctx = config.sslContext();
            boolean need = config.needClientAuth();
            s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = ctx.getDefaultSSLParameters();
                    p.setNeedClientAuth(need);
                    params.setSSLParameters(p);
                }
            });
            this.server = s;
        } else {
            this.server = HttpServer.create(addr, 1024);
        }
        this.workers = Executors.newFixedThreadPool(config.threads(), named("mianzheng-sim-http"));
        this.delays = Executors.newSingleThreadScheduledExecutor(named("mianzheng-sim-delay"));
        ((java.util.concurrent.ThreadPoolExecutor) workers).prestartAllCoreThreads();
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param config configuration
     * @return a running simulator
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Simulator start(SimulatorConfig config) {
        try {
            Simulator s = new Simulator(config);
            LOG.info("simulator listening on {}", s.root());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + config.host() + ":" + config.port(), e);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    private URI root() {
        String scheme = config.sslContext() != null ? "https" : "http";
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create(scheme + "://" + host + ":" + port());
    }

    /** @return the onewindow platform's base URL */
    public URI oneWindowUrl() {
        return URI.create(root() + Route.Platform.ONEWINDOW.prefix());
    }

    /** @return the cityhub platform's base URL */
    public URI cityHubUrl() {
        return URI.create(root() + Route.Platform.CITYHUB.prefix());
    }

    /** @return the configuration */
    public SimulatorConfig config() {
        return config;
    }

    /** @return per-route fault injection */
    public Faults faults() {
        return faults;
    }

    /** @return the seeded data */
    public SampleData data() {
        return data;
    }

    /** @return the directed-request desk */
    public Desk desk() {
        return desk;
    }

    /**
     * @param platform a platform
     * @return how many tokens it issued
     */
    public int logins(Route.Platform platform) {
        return (platform == Route.Platform.ONEWINDOW ? oneWindow : cityHub).logins.get();
    }

    /** @return how many HTTP requests arrived */
    public int requests() {
        return requests.get();
    }

    /** @return the last data calls (at most 10,000), oldest first */
    public List<SeenCall> calls() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    /** Forgets the recorded calls. */
    public void clearCalls() {
        synchronized (seen) {
            seen.clear();
        }
    }

    /** @return exchanges held open by {@link Fault.Kind#NO_ANSWER} */
    public int heldConnections() {
        return held.size();
    }

    /**
     * Established TCP connections to the simulator's port, from {@code /proc/net/tcp} and {@code /proc/net/tcp6}
     * (Linux); -1 where those files do not exist.
     *
     * @return open connections
     */
    public int openConnections() {
        int count = 0;
        boolean any = false;
        for (String f : new String[]{"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(f);
            if (!Files.isReadable(p)) {
                continue;
            }
            any = true;
            try {
                for (String line : Files.readAllLines(p, StandardCharsets.US_ASCII)) {
                    String[] cols = line.trim().split("\\s+");
                    if (cols.length < 4 || !cols[1].contains(":")) {
                        continue;
                    }
                    String local = cols[1];
                    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (port == port() && "01".equals(cols[3])) {
                        count++;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }
        return any ? count : -1;
    }

    private void handle(HttpExchange ex) {
        requests.incrementAndGet();
        Answer answer;
        Duration delay = faults.latency();
        try {
            String path = ex.getRequestURI().getPath();
            Route route = Route.of(path);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (route == null) {
                answer = Answer.text(404, "no such route: " + path, Map.of());
            } else if (!"POST".equals(ex.getRequestMethod())) {
                answer = Answer.text(405, "POST only", Map.of("Allow", "POST"));
            } else if (body.length > MAX_REQUEST_BYTES) {
                answer = Answer.text(413, "request too large", Map.of());
            } else {
                Fault fault = faults.take(route);
                if (fault != null && fault.kind() == Fault.Kind.LATENCY) {
                    delay = delay.plus(fault.delay());
                }
                answer = answer(route, path, ex, body, fault);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("simulator: request failed: {}", e.toString());
            answer = Answer.text(500, "internal error", Map.of());
        }
        Answer a = answer;
        if (delay.isZero() || delay.isNegative()) {
            write(ex, a);
        } else {
            try {
                delays.schedule(() -> workers.execute(() -> write(ex, a)), delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                ex.close();
            }
        }
    }

    private Answer answer(Route route, String path, HttpExchange ex, byte[] body, Fault fault) {
        PlatformSupport platform = route.platform() == Route.Platform.ONEWINDOW ? oneWindow : cityHub;
        if (fault != null && fault.refusesBeforeProcessing()) {
            switch (fault.kind()) {
                case SERVER_ERROR:
                    return Answer.text(503, "Service Unavailable", Map.of());
                case RATE_LIMITED:
                    return Answer.text(429, "Too Many Requests", Map.of("Retry-After", "0"));
                case MALFORMED_JSON:
                    return Answer.json(200, "{\"ack_code\":\"0000\",\"head\":{\"status\":\"0\"},\"data\":{\"license\":[".getBytes(StandardCharsets.UTF_8));
                case OVERSIZED_BODY:
                    return new Answer(200, Map.of("Content-Type", "application/json; charset=utf-8"), new byte[0], Answer.Mode.OVERSIZE, fault.bytes());
                default:
                    return platform.refuse(route, fault);
            }
        }
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? null : v.get(0)));
        Answer a = platform.process(route, path, headers, body, fault, this::record);
        if (fault == null) {
            return a;
        }
        switch (fault.kind()) {
            case CONNECTION_RESET:
                return a.with(Answer.Mode.RESET);
            case NO_ANSWER:
                return a.with(Answer.Mode.HOLD);
            case TRUNCATED_BODY:
                return a.with(Answer.Mode.TRUNCATE);
            default:
                return a;
        }
    }

    private void record(SeenCall call) {
        synchronized (seen) {
            seen.addLast(call);
            if (seen.size() > MAX_SEEN) {
                seen.removeFirst();
            }
        }
    }

    private void write(HttpExchange ex, Answer a) {
        try {
            switch (a.mode()) {
                case RESET:
                    ex.close();
                    return;
                case HOLD:
                    held.add(ex);
                    if (closed) {
                        held.remove(ex);
                        ex.close();
                    }
                    return;
                default:
                    break;
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (a.mode() == Answer.Mode.OVERSIZE) {
                ex.sendResponseHeaders(a.status(), a.oversize());
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                try (OutputStream out = ex.getResponseBody()) {
                    for (long left = a.oversize(); left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                }
                return;
            }
            byte[] body = a.body();
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            OutputStream out = ex.getResponseBody();
            if (a.mode() == Answer.Mode.TRUNCATE) {
                out.write(body, 0, body.length / 2);
                out.flush();
                ex.close();
                return;
            }
            out.write(body);
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("simulator: writing an answer failed ({}); the client went away", e.toString());
            ex.close();
        }
    }

    /** Stops the server, closes held connections, ends the simulator's threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (HttpExchange ex : held) {
            ex.close();
        }
        held.clear();
        server.stop(0);
        delays.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            delays.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Standalone simulator. Flags (all optional):
     * {@code --host 127.0.0.1 --port 8460 --latency-ms 0 --seed 1 --threads 16 --sign HMAC-SHA256|HMAC-SM3
     * --token-ttl-s 7200 --onewindow-key ow-app --onewindow-secret ow-secret --cityhub-key ch-app
     * --cityhub-secret ch-secret --tls-keystore server.p12 --tls-password changeit --tls-need-client-auth
     * --fault ROUTE=KIND (repeatable, e.g. CITYHUB_QUERY=SERVER_ERROR)}. Runs until stopped (Ctrl-C).
     *
     * @param args flags
     * @throws Exception if it cannot start
     */
    public static void main(String[] args) throws Exception {
        SimulatorConfig.Builder b = SimulatorConfig.builder().port(8460);
        String owKey = "ow-app";
        String owSecret = "ow-secret";
        String chKey = "ch-app";
        String chSecret = "ch-secret";
        Path keystore = null;
        char[] password = new char[0];
        boolean needClientAuth = false;
        List<String[]> faultArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(usage());
                return;
            }
            if (flag.equals("--tls-need-client-auth")) {
                needClientAuth = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag " + flag + " needs a value\n" + usage());
            }
            String v = args[++i];
            switch (flag) {
                case "--host": b.host(v); break;
                case "--port": b.port(Integer.parseInt(v)); break;
                case "--latency-ms": b.latency(Duration.ofMillis(Long.parseLong(v))); break;
                case "--seed": b.seed(Long.parseLong(v)); break;
                case "--threads": b.threads(Integer.parseInt(v)); break;
                case "--sign": b.signatureAlgorithm(SignatureAlgorithm.parse(v)); break;
                case "--token-ttl-s": b.tokenTtl(Duration.ofSeconds(Long.parseLong(v))); break;
                case "--onewindow-key": owKey = v; break;
                case "--onewindow-secret": owSecret = v; break;
                case "--cityhub-key": chKey = v; break;
                case "--cityhub-secret": chSecret = v; break;
                case "--tls-keystore": keystore = Path.of(v); break;
                case "--tls-password": password = v.toCharArray(); break;
                case "--fault": faultArgs.add(v.split("=", 2)); break;
                default: throw new IllegalArgumentException("unknown flag " + flag + "\n" + usage());
            }
        }
        b.oneWindow(new PlatformCredentials(owKey, owSecret)).cityHub(new PlatformCredentials(chKey, chSecret));
        if (keystore != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            b.https(ctx, needClientAuth);
        }
        Simulator sim = start(b.build());
        for (String[] f : faultArgs) {
            if (f.length != 2) {
                throw new IllegalArgumentException("--fault takes ROUTE=KIND, e.g. CITYHUB_QUERY=SERVER_ERROR");
            }
            sim.faults().inject(Route.valueOf(f[0].trim()), Fault.of(Fault.Kind.valueOf(f[1].trim())));
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "mianzheng-sim-shutdown"));
        System.out.println("mianzheng simulator");
        System.out.println("  onewindow: " + sim.oneWindowUrl() + "  (app key " + owKey + ")");
        System.out.println("  cityhub:   " + sim.cityHubUrl() + "  (access id " + chKey + ")");
        System.out.println("  signature: " + sim.config().signatureAlgorithm().wireName() + ", latency " + sim.faults().latency().toMillis() + " ms");
        for (SampleLicense l : sim.data().licenses()) {
            System.out.println("  licence " + l.typeCode() + " " + l.typeName() + "  holder " + l.holder().id().type().code() + ":"
                    + l.holder().id().value() + " (synthetic)  " + l.status());
        }
        System.out.println("  unknown holder: " + sim.data().unknownHolder().id().value() + " (synthetic)");
        stop.await();
    }

    private static String usage() {
        return "usage: java -jar mianzheng-simulator.jar [--host 127.0.0.1] [--port 8460] [--latency-ms 0] [--seed 1] [--threads 16]\n"
                + "  [--sign HMAC-SHA256|HMAC-SM3] [--token-ttl-s 7200] [--onewindow-key K --onewindow-secret S]\n"
                + "  [--cityhub-key K --cityhub-secret S] [--tls-keystore server.p12 --tls-password P [--tls-need-client-auth]]\n"
                + "  [--fault ROUTE=KIND ...]   routes: " + Arrays.toString(Route.values()) + "\n"
                + "                             kinds: " + Arrays.toString(Fault.Kind.values());
    }
}
