package org.mianzheng.cityhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.ChannelException;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.RetryPolicy;
import org.mianzheng.platform.Timeouts;

/**
 * Answers that do not answer the question asked are refused as malformed, never applied: a verification that compares
 * fewer (or other) fields than declared, a directed status about another request, a licence whose status or end date is
 * of a type no profile maps, an answer with more after its JSON. Also: the licence usable today is chosen among
 * several, and cancelling a retrieval stops its calls. Against a stub on a loopback port that answers what each test
 * puts on a path.
 */
class AnswersTiedToTheQuestionTest {
    private static final String ID = "11010519491231002X";
    /** An answer put on a path: hold the request until {@link #release}, then answer 503. */
    private static final String HOLD_THEN_503 = "hold, then 503";
    /** An answer put on a path: cut off after its headers. */
    private static final String CUT_OFF = "cut off";
    private ServerSocket server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private CityHubClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        answers.put("/gateway/auth/token", "{\"head\":{\"status\":\"0\"},\"data\":{\"accessToken\":\"tok\",\"expiresIn\":7200}}");
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "stub-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        URI url = URI.create("http://127.0.0.1:" + server.getLocalPort());
        PlatformConfig config = PlatformConfig.builder(url, new PlatformCredentials("ch-app", "ch-secret"))
                .timeouts(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .retry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(10), 0)).build();
        client = CityHubClient.create(config);
    }

    /** HTTP/1.1, one request after another on a connection: the answer put on the path, or none until the test ends. */
    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String path = lines[0].split(" ")[1];
                int length = 0;
                for (String l : lines) {
                    if (l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(l.substring(15).strip());
                    }
                }
                in.readNBytes(length);
                hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                String answer = answers.get(path);
                if (answer == null) {
                    release.await(60, TimeUnit.SECONDS);
                    return;
                }
                if (answer.equals(CUT_OFF)) { // headers and the start of a body, then the connection closes
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"head\":{\"status\":\"0\""
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return;
                }
                if (answer.equals(HOLD_THEN_503)) { // held until the test lets it go, then "unavailable": worth a retry
                    release.await(60, TimeUnit.SECONDS);
                    out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                byte[] b = answer.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(b);
                out.flush();
            }
        } catch (IOException | InterruptedException over) {
            // the connection is over
        }
    }

    private static String head(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        int c;
        int state = 0; // how much of CR LF CR LF has been seen
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = c == '\r' && (state == 0 || state == 2) ? state + 1 : c == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        server.close();
    }

    private static LicenseQuery query(boolean withFile) {
        return new LicenseQuery("r-1", HolderId.resident(ID), "张三", "L001", "ITEM-1", "BIZ-1", "clerk-1", "win-1", "办理", withFile);
    }

    private static String licence(String number, String status, String validTo) {
        return "{\"certNo\":\"" + number + "\",\"certTypeCode\":\"L001\",\"holderCode\":\"" + ID + "\",\"holderTypeCode\":\"111\","
                + "\"holderName\":\"张三\",\"issueOrgName\":\"乌海市局\",\"issueDate\":\"2020-01-01\",\"validFrom\":\"2020-01-01\","
                + "\"validTo\":" + validTo + ",\"certStatus\":" + status + "}";
    }

    private static String ok(String data) {
        return "{\"head\":{\"status\":\"0\"},\"data\":" + data + "}";
    }

    private SourceResult retrieve() {
        return client.retrieve(query(false)).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Test
    void aVerificationThatComparesFewerOrOtherFieldsThanDeclaredIsMalformed() {
        Map<String, String> declared = Map.of("holderName", "张三", "certNo", "N-1");
        answers.put("/gateway/license/verify", ok("{\"matches\":{\"holderName\":true}}"));
        var partial = client.verify(query(false), declared).toCompletableFuture().join();
        assertThat(partial.outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(partial.allMatch()).isFalse();
        assertThat(partial.detail()).contains("does not compare certNo");
        answers.put("/gateway/license/verify", ok("{\"matches\":{\"holderName\":true,\"certNo\":true,\"address\":true}}"));
        assertThat(client.verify(query(false), declared).toCompletableFuture().join().detail()).contains("'address', which was not declared");
        answers.put("/gateway/license/verify", ok("{\"matches\":{\"holderName\":true,\"certNo\":false}}"));
        var full = client.verify(query(false), declared).toCompletableFuture().join();
        assertThat(full.outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(full.matches()).containsEntry("certNo", false);
    }

    @Test
    void aDirectedStatusAboutAnotherRequestIsMalformed() {
        answers.put("/gateway/directed/query", ok("{\"requestNo\":\"DR99\",\"orderId\":\"WO-9\",\"state\":\"COMPLETED\","
                + "\"updatedAt\":\"2026-01-05T01:00:00Z\"}"));
        assertThatThrownBy(() -> client.status("DR1").toCompletableFuture().join()).cause().isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains("about request DR99, asked about DR1");
        });
        answers.put("/gateway/directed/cancel", answers.get("/gateway/directed/query"));
        assertThatThrownBy(() -> client.cancel("DR1", "申请人撤回").toCompletableFuture().join()).cause().isInstanceOf(ChannelException.class)
                .hasMessageContaining("asked about DR1");
        answers.put("/gateway/directed/query", ok("{\"requestNo\":\"DR1\",\"orderId\":\"WO-1\",\"state\":\"ACCEPTED\","
                + "\"updatedAt\":\"2026-01-05T01:00:00Z\"}"));
        assertThat(client.status("DR1").toCompletableFuture().join().externalId()).isEqualTo("DR1");
    }

    /** A submit whose answer is cut off asks the desk by order id instead of failing (the desk may hold the order). */
    @Test
    void aSubmitWhoseAnswerIsCutOffAsksTheDeskByOrderId() {
        answers.put("/gateway/directed/create", CUT_OFF);
        answers.put("/gateway/directed/query", ok("{\"requestNo\":\"DR7\",\"orderId\":\"WO-7\",\"state\":\"SUBMITTED\","
                + "\"updatedAt\":\"2026-01-05T01:00:00Z\"}"));
        org.mianzheng.api.DirectedRequest r = new org.mianzheng.api.DirectedRequest("WO-7", org.mianzheng.api.WorkOrderKind.VERIFY_APPROVAL,
                org.mianzheng.api.Origin.WINDOW, org.mianzheng.api.Complexity.NORMAL, "ZJJ", "ITEM-1", "BIZ-1", "MAT-1", "材料",
                HolderId.resident(ID), "张三", "办理");
        assertThat(client.submit(r).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join().externalId()).isEqualTo("DR7");
        assertThat(hits.get("/gateway/directed/create")).as("sent once").hasValue(1);
        assertThat(hits.get("/gateway/directed/query")).as("then asked").hasValue(1);
    }

    @Test
    void aStatusOrEndDateOfAnUnmappedTypeIsMalformedNotValid() {
        for (String status : new String[] {"null", "{\"code\":\"2\"}", "[\"2\"]", "true"}) {
            answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("N-1", status, "\"2040-01-01\"") + "]}"));
            SourceResult r = retrieve();
            assertThat(r.outcome()).as("status " + status).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
            assertThat(r.detail()).contains("certStatus");
        }
        answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("N-1", "\"1\"", "{\"date\":\"2021-01-01\"}") + "]}"));
        assertThat(retrieve().outcome()).as("an end date as an object").isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("N-1", "\"1\"", "null") + "]}"));
        SourceResult open = retrieve();
        assertThat(open.outcome()).as("no end date: 长期").isEqualTo(SourceOutcome.FOUND);
        assertThat(open.license().validUntil()).isNull();
    }

    @Test
    void aLicenceWhoseIdentifierNamesAnotherTypeIsMalformed() {
        String other = org.mianzheng.api.LicenseIdentifier.of("L002", "11150300MB14571840", "0001", "001").format();
        String mine = org.mianzheng.api.LicenseIdentifier.of("L001", "11150300MB14571840", "0001", "001").format();
        answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("N-1", "\"1\"", "\"2040-01-01\"").replace("{\"certNo\"",
                "{\"certId\":\"" + other + "\",\"certNo\"") + "]}"));
        SourceResult r = retrieve();
        assertThat(r.outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(r.detail()).contains("identifier is of type L002");
        answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("N-1", "\"1\"", "\"2040-01-01\"").replace("{\"certNo\"",
                "{\"certId\":\"" + mine + "\",\"certNo\"") + "]}"));
        assertThat(retrieve().outcome()).isEqualTo(SourceOutcome.FOUND);
    }

    @Test
    void anAnswerWithMoreAfterItsJsonIsMalformed() {
        answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("N-1", "\"1\"", "\"2040-01-01\"") + "]}") + "{\"head\":{\"status\":\"10\"}}");
        SourceResult r = retrieve();
        assertThat(r.outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(r.detail()).contains("more after its JSON value");
    }

    @Test
    void theLicenceUsableTodayIsChosenOverAnOlderOneStillMarkedValid() {
        answers.put("/gateway/license/query", ok("{\"certList\":[" + licence("OLD", "\"1\"", "\"2021-01-01\"") + ","
                + licence("NEW", "\"1\"", "\"2099-01-01\"") + "]}"));
        SourceResult r = retrieve();
        assertThat(r.outcome()).isEqualTo(SourceOutcome.FOUND);
        assertThat(r.license().number()).isEqualTo("NEW");
    }

    /**
     * Cancelling the stage (the engine's deadline) aborts the call in flight and starts no retry: the held query then
     * answers 503, which would be retried 5–10 ms later, and no second query comes within 300 ms.
     */
    @Test
    void cancellingARetrievalStopsItsCalls() throws Exception {
        answers.put("/gateway/license/query", HOLD_THEN_503);
        CompletableFuture<SourceResult> stage = client.retrieve(query(false)).toCompletableFuture();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!hits.containsKey("/gateway/license/query") && System.nanoTime() < until) { // past the login, at the query
            Thread.onSpinWait();
        }
        assertThat(client.inFlight()).as("the query is in flight").isOne();
        assertThat(stage.cancel(true)).isTrue();
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.inFlight() > 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(client.inFlight()).as("its request slot is free again, long before the 30 s call timeout").isZero();
        release.countDown(); // the held query now answers 503
        until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300); // far beyond the 10 ms most a retry waits
        while (hits.get("/gateway/license/query").get() == 1 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(hits.get("/gateway/license/query")).as("no retry").hasValue(1);
    }
}
