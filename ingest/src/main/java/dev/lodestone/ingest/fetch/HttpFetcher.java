package dev.lodestone.ingest.fetch;

import dev.lodestone.ingest.fetch.FetchException.Reason;
import io.micrometer.core.instrument.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feeds and pages from strangers' servers without trusting them, and without abusing them.
 *
 * <p>Safety: every host, redirects included, passes the {@link AddressGuard}; bodies are capped while they
 * stream and again after decompression, so neither a huge page nor a gzip bomb can exhaust memory; and one
 * fetch ends within the request timeout in all: waiting for its turn at the host, redirects, retries and
 * their back-off included, so a poll's duration is bounded by the number of fetches it makes.
 *
 * <p>Politeness ({@link Politeness}): each URL, redirect targets included, is checked against its site's
 * robots.txt, read through this same fetcher (guarded, capped, gated) and cached; at most one request at a
 * time goes to each host, with a pause after each that honours the site's Crawl-delay within bounds; and
 * a failure that is likely transient is retried a few times, backing off exponentially with jitter and
 * obeying {@code Retry-After}.
 *
 * <p>Redirects are followed here rather than by the HTTP client, because the client would follow them to
 * any address without asking. HTTP/1.1 is used: one request per host at a time gains nothing from HTTP/2
 * multiplexing, and some servers mishandle the cleartext HTTP/2 upgrade. The client is thread-safe and
 * shared by every feed.
 *
 * <p>Every fetch is counted and timed per host ({@link FetchMetrics}), robots.txt reads aside.
 */
public final class HttpFetcher {
    static final int MAX_REDIRECTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

    private static final AtomicInteger FETCH_THREADS = new AtomicInteger();

    private final HttpClient client;
    private final AddressGuard guard;
    private final HostGate hosts = new HostGate();
    private final RobotsTxt robots;
    private final Politeness politeness;
    private final String userAgent;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final FetchMetrics metrics = new FetchMetrics(Metrics.globalRegistry);

    public HttpFetcher(AddressGuard guard, String userAgent, Duration connectTimeout, Duration requestTimeout,
                       int maxBodyBytes, Politeness politeness) {
        this.guard = guard;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.politeness = politeness;
        this.robots = new RobotsTxt(politeness, (robotsUrl, deadline) -> fetch(robotsUrl, Validators.NONE, deadline, false));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                // Named, so that thread dumps and profiles tell fetching apart from other HTTP clients.
                .executor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "lodestone-fetch-" + FETCH_THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    public FetchResponse fetch(URI url) throws FetchException, InterruptedException {
        return fetch(url, Validators.NONE);
    }

    /**
     * A conditional GET: when the server still holds the version the validators name, the response is
     * {@link FetchResponse#notModified()} with an empty body.
     *
     * @throws FetchException on a refused address, a URL robots.txt disallows, a timeout, an oversized body,
     *                        too many redirects or an HTTP status other than 2xx (or 304 for a conditional
     *                        request), once the retries a transient failure deserves are spent
     */
    public FetchResponse fetch(URI url, Validators validators) throws FetchException, InterruptedException {
        long start = System.nanoTime();
        try {
            FetchResponse response = fetch(url, validators, start + requestTimeout.toNanos(), true);
            metrics.fetched(url, response, System.nanoTime() - start);
            return response;
        } catch (FetchException e) {
            metrics.failed(url, e, System.nanoTime() - start);
            throw e;
        }
    }

    private FetchResponse fetch(URI url, Validators validators, long deadline, boolean obeyRobots)
            throws FetchException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return followRedirects(url, validators, deadline, obeyRobots);
            } catch (TransientFetchException e) {
                long wait = retryWait(attempt, e.retryAfter());
                if (attempt >= politeness.attempts() || wait < 0 || System.nanoTime() + wait - deadline >= 0) {
                    throw attempt == 1 ? e
                            : new FetchException(e.getMessage() + " (" + attempt + " attempts)", e.status(), e.reason());
                }
                LOG.debug("{}; attempt {} in {} ms", e.getMessage(), attempt + 1, TimeUnit.NANOSECONDS.toMillis(wait));
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /**
     * Nanoseconds to wait before the next attempt: the back-off for this attempt, jittered between half and
     * all of it, or the server's {@code Retry-After} when longer; -1 when the server asks for more than
     * {@link Politeness#maxRetryAfter()}.
     */
    private long retryWait(int attempt, Duration retryAfter) {
        if (retryAfter != null && retryAfter.compareTo(politeness.maxRetryAfter()) > 0) {
            return -1;
        }
        long backoff = politeness.retryBackoff().toNanos() << Math.min(attempt - 1, 20);
        long jittered = backoff / 2 + (long) (ThreadLocalRandom.current().nextDouble() * (backoff / 2 + 1));
        return Math.max(jittered, retryAfter == null ? 0 : retryAfter.toNanos());
    }

    private FetchResponse followRedirects(URI url, Validators validators, long deadline, boolean obeyRobots)
            throws FetchException, InterruptedException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = send(current, validators, deadline, obeyRobots);
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            if (REDIRECTS.contains(status)) {
                current = redirectTarget(current, status, headers);
            } else if (status == FetchResponse.NOT_MODIFIED && !validators.isEmpty()) {
                return new FetchResponse(current, status, contentType(headers), new byte[0], validators(headers, validators));
            } else if (status >= 200 && status < 300) {
                byte[] body = decode(current, status, response.body(), headers.firstValue("Content-Encoding").orElse(""));
                return new FetchResponse(current, status, contentType(headers), body, validators(headers, Validators.NONE));
            } else if (TRANSIENT_STATUSES.contains(status)) {
                throw new TransientFetchException(current + ": HTTP " + status, status, Reason.HTTP_STATUS, retryAfter(headers));
            } else {
                throw new FetchException(current + ": HTTP " + status, status, Reason.HTTP_STATUS);
            }
        }
        throw new FetchException(url + ": too many redirects", 0, Reason.REDIRECT);
    }

    private HttpResponse<byte[]> send(URI url, Validators validators, long deadline, boolean obeyRobots)
            throws FetchException, InterruptedException {
        requireHttp(url, url, 0);
        guard.check(url);
        Duration pause = politeness.hostDelay();
        if (obeyRobots) {
            RobotsTxt.SiteRules site = robots.rulesFor(url, deadline);
            if (site.unavailable() != null) {
                throw new FetchException(url + ": robots.txt unavailable, " + site.unavailable(), 0, Reason.ROBOTS);
            }
            if (!site.rules().isAllowed(url.toString())) {
                throw new FetchException(url + ": disallowed by robots.txt", 0, Reason.ROBOTS);
            }
            pause = politeness.delayFor(site.crawlDelay());
        }
        String host = url.getHost();
        if (!hosts.enter(host, deadline)) {
            throw new FetchException(url + ": timed out waiting for the previous request to " + host, 0, Reason.TIMEOUT);
        }
        try {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw timedOut(url);
            }
            CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request(url, validators, remaining), this::bodyFor);
            try {
                return response.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                response.cancel(true);
                throw timedOut(url);
            } catch (InterruptedException e) {
                response.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String message = url + ": " + describe(cause);
                throw cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                        ? new TransientFetchException(message, 0, Reason.UNREACHABLE, null)
                        : new FetchException(message, 0, reasonFor(cause));
            }
        } finally {
            hosts.exit(host, pause);
        }
    }

    private HttpRequest request(URI url, Validators validators, long timeoutNanos) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofNanos(timeoutNanos))
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip, deflate");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        return request.build();
    }

    private BodySubscriber<byte[]> bodyFor(ResponseInfo info) {
        int status = info.statusCode();
        if (status < 200 || status >= 300) {
            return CappedBody.skipped();
        }
        long declaredLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return declaredLength > maxBodyBytes ? CappedBody.refused(maxBodyBytes) : new CappedBody(maxBodyBytes);
    }

    private static URI redirectTarget(URI from, int status, HttpHeaders headers) throws FetchException {
        String location = headers.firstValue("Location")
                .orElseThrow(() -> new FetchException(from + ": HTTP " + status + " redirect without a Location", status,
                        Reason.REDIRECT));
        URI target;
        try {
            target = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchException(from + ": redirect to an invalid URL '" + location + "'", status, Reason.REDIRECT);
        }
        requireHttp(target, from, status);
        return target;
    }

    /** Only http and https, with a host: the client would refuse anything else less clearly. */
    private static void requireHttp(URI target, URI requested, int status) throws FetchException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            String what = target.equals(requested) ? "not an http or https URL" : "redirect to " + target;
            throw new FetchException(requested + ": refused: " + what, status, Reason.REFUSED);
        }
    }

    private byte[] decode(URI url, int status, byte[] body, String contentEncoding) throws FetchException {
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        try {
            switch (encoding) {
                case "", "identity":
                    return body;
                case "gzip", "x-gzip":
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                        return readCapped(url, status, in);
                    }
                case "deflate":
                    // "deflate" means zlib-wrapped by the spec, but some servers send raw deflate.
                    Inflater inflater = new Inflater(!hasZlibHeader(body));
                    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body), inflater)) {
                        return readCapped(url, status, in);
                    } finally {
                        inflater.end();
                    }
                default:
                    throw new FetchException(url + ": unsupported content encoding '" + encoding + "'", status, Reason.BAD_BODY);
            }
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(url + ": corrupt " + encoding + " body: " + e.getMessage(), status, Reason.BAD_BODY);
        }
    }

    private byte[] readCapped(URI url, int status, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > maxBodyBytes) {
                throw new FetchException(url + ": body exceeds " + maxBodyBytes + " bytes", status, Reason.TOO_LARGE);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static boolean hasZlibHeader(byte[] body) {
        return body.length >= 2 && (body[0] & 0x0f) == 8 && (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse("").trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String contentType(HttpHeaders headers) {
        return headers.firstValue("Content-Type").orElse("");
    }

    private static Validators validators(HttpHeaders headers, Validators fallback) {
        Validators fresh = new Validators(
                headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null));
        return fresh.isEmpty() ? fallback : fresh;
    }

    private FetchException timedOut(URI url) {
        return new FetchException(url + ": timed out after " + requestTimeout.toMillis() + " ms", 0, Reason.TIMEOUT);
    }

    private static Reason reasonFor(Throwable cause) {
        if (cause instanceof CappedBody.TooLargeException) {
            return Reason.TOO_LARGE;
        }
        return cause instanceof HttpTimeoutException ? Reason.TIMEOUT : Reason.UNREACHABLE;
    }

    private String describe(Throwable cause) {
        if (cause instanceof CappedBody.TooLargeException) {
            return cause.getMessage();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + requestTimeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
