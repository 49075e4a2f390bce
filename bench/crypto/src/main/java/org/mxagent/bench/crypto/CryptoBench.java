package org.mxagent.bench.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.mxagent.crypto.olm.impl.LibolmCryptoProvider;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.GroupDecryption;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OutboundGroupSession;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionResult;

/**
 * Two figures for the crypto machine, printed as a table:
 * <ol>
 * <li>Megolm encrypt+decrypt of {@code bench.size}-byte messages per second, through the machine (encryptRoomEvent
 * on one device, decryptRoomEvent with replay bookkeeping on another, each a committed SQLite transaction) and,
 * alternating in the same JVM, through the libolm binding alone (the SPI's encrypt/decrypt, no store);</li>
 * <li>the time one device needs to share a new room key with N others (device list query, one-time key claim
 * and N Olm sessions, N Olm-encrypted {@code m.room_key}s), cold (no Olm sessions yet) and warm (a rotation
 * later), and the time all N recipients take to receive it.</li>
 * </ol>
 */
public final class CryptoBench {
    private static final String ROOM = "!bench:localhost";

    private CryptoBench() {}

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 2000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int ops = Integer.getInteger("bench.ops", 2000);
        int size = Integer.getInteger("bench.size", 1024);
        int repeats = Integer.getInteger("bench.repeats", 5);
        Path stores = Files.createDirectories(Path.of(System.getProperty("bench.store", "target/bench-stores")));
        List<Integer> deviceCounts = Arrays.stream(System.getProperty("bench.devices", "1,10,50").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        CryptoProvider provider = new LibolmCryptoProvider();
        System.out.printf("crypto bench: %s, Java %s, %d CPUs, stores in %s%n", provider.name(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), stores);
        megolm(provider, stores, warmup, rounds, ops, size);
        for (int devices : deviceCounts) {
            share(provider, stores, devices, repeats);
        }
    }

    private static void megolm(CryptoProvider provider, Path stores, int warmup, int rounds, int ops, int size)
            throws Exception {
        Path dir = fresh(stores, "megolm");
        BenchServer server = new BenchServer();
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        String body = new String(payload, StandardCharsets.US_ASCII);
        try (BenchDevice alice = new BenchDevice(server, provider, dir, "@alice:bench", "ALICE");
                BenchDevice bob = new BenchDevice(server, provider, dir, "@bob:bench", "BOB");
                OutboundGroupSession outbound = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
            ObjectNode settings = server.mapper.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2")
                    .put("rotation_period_msgs", Integer.MAX_VALUE);
            alice.shareRoomKey(ROOM, List.of("@alice:bench", "@bob:bench"), settings);
            bob.sync();
            ObjectNode content = server.mapper.createObjectNode().put("msgtype", "m.text").put("body", body);
            long[] counter = {0};
            Runnable machineRound = () -> machineOps(alice, bob, content, counter, ops);
            Runnable bindingRound = () -> bindingOps(outbound, inbound, payload, ops);
            for (int done = 0; done < warmup; done += ops) {
                machineRound.run();
                bindingRound.run();
            }
            List<Double> machine = new ArrayList<>();
            List<Double> binding = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                machine.add(rate(machineRound, ops));
                binding.add(rate(bindingRound, ops));
            }
            double m = median(machine);
            double b = median(binding);
            System.out.printf("megolm %d B encrypt+decrypt: machine (SQLite store) %,.0f msg/s | libolm binding"
                    + " %,.0f msg/s | machine/binding %.3f (median of %d rounds of %d)%n", size, m, b, m / b, rounds,
                    ops);
        }
    }

    private static void machineOps(BenchDevice alice, BenchDevice bob, ObjectNode content, long[] counter, int ops) {
        try {
            for (int i = 0; i < ops; i++) {
                ObjectNode encrypted = alice.machine.encryptRoomEvent(ROOM, "m.room.message", content);
                String eventId = "$bench" + counter[0]++;
                ObjectNode raw = alice.server.mapper.createObjectNode().put("type", "m.room.encrypted")
                        .put("event_id", eventId).put("sender", "@alice:bench").put("origin_server_ts", 1L);
                raw.set("content", encrypted);
                DecryptionResult result = bob.machine.decryptRoomEvent(new RoomEvent(ROOM, eventId, "@alice:bench",
                        "m.room.encrypted", null, 1L, raw));
                if (!result.isDecrypted()) {
                    throw new IllegalStateException("machine failed to decrypt: " + result.failure());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bindingOps(OutboundGroupSession outbound, InboundGroupSession inbound, byte[] payload,
            int ops) {
        try {
            for (int i = 0; i < ops; i++) {
                long index = outbound.messageIndex();
                GroupDecryption decrypted = inbound.decrypt(outbound.encrypt(payload));
                if (decrypted.messageIndex() != index) {
                    throw new IllegalStateException("index " + decrypted.messageIndex() + " != " + index);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void share(CryptoProvider provider, Path stores, int devices, int repeats) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> receive = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            Path dir = fresh(stores, "share-" + devices + "-" + repeat);
            BenchServer server = new BenchServer();
            List<BenchDevice> others = new ArrayList<>();
            try (BenchDevice alice = new BenchDevice(server, provider, dir, "@alice:bench", "ALICE")) {
                List<String> members = new ArrayList<>(List.of("@alice:bench"));
                for (int i = 0; i < devices; i++) {
                    others.add(new BenchDevice(server, provider, dir, "@u" + i + ":bench", "D" + i));
                    members.add("@u" + i + ":bench");
                }
                ObjectNode settings = server.mapper.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2")
                        .put("rotation_period_msgs", 1);
                long started = System.nanoTime();
                alice.shareRoomKey(ROOM, members, settings);
                cold.add(millis(started));
                started = System.nanoTime();
                int keys = 0;
                for (BenchDevice other : others) {
                    keys += other.sync();
                }
                receive.add(millis(started));
                if (keys != devices) {
                    throw new IllegalStateException(keys + " of " + devices + " devices got the room key");
                }
                alice.machine.encryptRoomEvent(ROOM, "m.room.message", server.mapper.createObjectNode());
                started = System.nanoTime(); // rotation_period_msgs 1: the next share is a new session
                alice.shareRoomKey(ROOM, members, settings);
                warm.add(millis(started));
            } finally {
                others.forEach(BenchDevice::close);
            }
        }
        System.out.printf("share a room key with %d device(s): cold (query+claim+Olm sessions+share) %.1f ms |"
                + " warm (rotation, Olm sessions exist) %.1f ms | all recipients receive %.1f ms (median of %d)%n",
                devices, median(cold), median(warm), median(receive), repeats);
    }

    private static double rate(Runnable round, int ops) {
        long started = System.nanoTime();
        round.run();
        return ops / ((System.nanoTime() - started) / 1e9);
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static Path fresh(Path stores, String name) throws IOException {
        Path dir = stores.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir;
    }
}
