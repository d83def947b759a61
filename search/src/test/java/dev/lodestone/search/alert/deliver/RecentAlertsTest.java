package dev.lodestone.search.alert.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.Alert;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentAlertsTest {
    private static final Instant T0 = Instant.parse("2025-10-05T09:00:00Z");

    @Test
    void theOldestAlertDropsOffWhenTheBufferIsFull() {
        RecentAlerts recent = new RecentAlerts(2, Clock.fixed(T0, ZoneOffset.UTC));
        recent.add(alert("a", "r1"));
        recent.add(alert("b", "r1"));
        recent.add(alert("c", "r2"));

        assertEquals(List.of("b", "c"), ids(recent.since(null, null)));
    }

    @Test
    void alertsAreListedByRuleAndSinceAnInstant() {
        List<Instant> times = new ArrayList<>(List.of(T0, T0.plusSeconds(10), T0.plusSeconds(20)));
        Clock ticking = new Clock() {
            @Override
            public Instant instant() {
                return times.remove(0);
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        RecentAlerts recent = new RecentAlerts(10, ticking);
        recent.add(alert("a", "r1"));
        recent.add(alert("b", "r2"));
        recent.add(alert("c", "r1"));

        assertEquals(List.of("a", "c"), ids(recent.since("r1", null)));
        assertEquals(List.of("c"), ids(recent.since("r1", T0.plusSeconds(5))));
    }

    @Test
    void aSubscriberHearsEveryNewAlertUntilItLeaves() throws Exception {
        RecentAlerts recent = new RecentAlerts(10, Clock.fixed(T0, ZoneOffset.UTC));
        List<String> heard = new ArrayList<>();
        AutoCloseable subscription = recent.subscribe(received -> heard.add(received.alert().id()));
        recent.subscribe(received -> {
            throw new IllegalStateException("a broken SSE connection");
        });

        recent.add(alert("a", "r1"));
        subscription.close();
        recent.add(alert("b", "r1"));

        assertEquals(List.of("a"), heard);
    }

    private static List<String> ids(List<RecentAlerts.Received> received) {
        return received.stream().map(r -> r.alert().id()).toList();
    }

    private static Alert alert(String id, String rule) {
        return new Alert(Alert.SCHEMA, id, "new", rule, rule, id, id, null, "", List.of(), List.of(), List.of(), null);
    }
}
