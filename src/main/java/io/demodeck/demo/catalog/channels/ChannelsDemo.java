package io.demodeck.demo.catalog.channels;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoEntry.Size;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.DemoTools.GoPart;
import io.demodeck.demo.GoToolchain;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;
import io.demodeck.demo.child.DemoChild.Mode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.ratio;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The channels demo: unbuffered and buffered channels as Java queues, beside Go's channels. */
public final class ChannelsDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("channels",
            new Text("Каналы: небуферизованный и буферизованный",
                    "Channels: unbuffered and buffered"),
            new Text("SynchronousQueue играет роль небуферизованного канала Go: put ждёт take. ArrayBlockingQueue(3) — "
                            + "буферизованный канал: три put проходят сразу, четвёртый ждёт получателя. Затем производитель и "
                            + "потребитель — оба виртуальные потоки — после прогрева передают M сообщений через put/take и сверяют "
                            + "контрольную сумму; рядом — каналы Go.",
                    "A SynchronousQueue plays Go's unbuffered channel: put waits for take. An ArrayBlockingQueue(3) is a "
                            + "buffered channel: three puts return at once, the fourth waits for the receiver. Then a producer and "
                            + "a consumer, both virtual threads, pass M messages with put/take after a warm-up round and compare "
                            + "checksums; Go's channels beside them."),
            new Size("messages", 10_000, 100_000, 200_000, 200_000));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int messages = sizes.get("messages");
        // a capacity of 1 makes the "unbuffered" channel buffered: the send no longer waits for the receiver
        List<String> flags = breaking ? List.of("-Ddemodeck.channels.unbufferedCapacity=1") : List.of();
        ChildJvm.Output o = child.run(Mode.CHANNELS, flags, List.of(messages), null);
        double takeMs = o.number("rendezvous.take.micros") / 1000.0;
        double putMs = o.number("rendezvous.put.micros") / 1000.0;
        long[] bufferedReturned = Arrays.stream(o.text("buffered.putReturnedMillis").split(",")).mapToLong(Long::parseLong).toArray();
        long bufferedTake = o.number("buffered.takeMillis");
        long[] unbuffered = longs(o.text("unbuffered.pipe"));
        long[] cap1 = longs(o.text("cap1.pipe"));
        long[] buffered = longs(o.text("buffered.pipe"));
        boolean checksums = matches(unbuffered, messages) && matches(cap1, messages) && matches(buffered, messages);
        double unbufferedUs = unbuffered[3] / 1000.0 / messages;
        double cap1Us = cap1[3] / 1000.0 / messages;
        double bufferedUs = buffered[3] / 1000.0 / messages;
        List<Row> rows = List.of(
                row("rendezvous.receiverTookMs", "Получатель взял (после сна 200 мс)", "Receiver took (after sleeping 200 ms)", round(takeMs), "ms"),
                row("rendezvous.sendReturnedMs", "put в небуферизованный канал вернулся", "put on the unbuffered channel returned", round(putMs), "ms"),
                row("buffered.putReturnedMillis", "4 put в буфер ёмкостью 3 вернулись (мс)", "4 puts into a buffer of 3 returned at (ms)",
                        o.text("buffered.putReturnedMillis"), ""),
                row("buffered.takeMillis", "Получатель взял из буфера (мс)", "The receiver took from the buffer at (ms)", bufferedTake, "ms"),
                row("checksumsMatch", "Контрольные суммы совпали", "Checksums match", checksums, ""),
                row("unbuffered.microsPerMessage", "Небуферизованный: на сообщение", "Unbuffered: per message", round(unbufferedUs), "µs"),
                row("cap1.microsPerMessage", "Буфер 1: на сообщение", "Buffer 1: per message", round(cap1Us), "µs"),
                row("buffered.microsPerMessage", "Буфер 128: на сообщение", "Buffer 128: per message", round(bufferedUs), "µs"));
        boolean rendezvous = putMs >= takeMs;
        boolean bufferBlocksFourth = bufferedReturned[2] < bufferedTake && bufferedReturned[3] >= bufferedTake;
        List<Claim> claims = new ArrayList<>(List.of(
                claim("unbufferedSendWaitsForReceive", rendezvous,
                        "Отправка в небуферизованный канал ждёт получателя", "A send on an unbuffered channel waits for the receiver",
                        text(l -> (ru(l) ? "put вернулся на %s мс, получатель взял на %s мс" : "put returned at %s ms, the receiver took at %s ms")
                                .formatted(d(putMs, l), d(takeMs, l)))),
                claim("bufferOf3TakesThreeThenBlocks", bufferBlocksFourth && checksums,
                        "Буфер ёмкостью 3 принимает три отправки сразу, четвёртая ждёт получателя; сообщения не теряются",
                        "A buffer of 3 accepts three sends at once, the fourth waits for the receiver; no message is lost",
                        text(l -> (ru(l) ? "put вернулись на %s мс, получатель взял на %s мс; контрольные суммы %s"
                                : "puts returned at %s ms, the receiver took at %s ms; checksums %s")
                                .formatted(o.text("buffered.putReturnedMillis"), bufferedTake,
                                        checksums ? (ru(l) ? "совпали" : "match") : (ru(l) ? "НЕ совпали" : "do NOT match"))))));
        Text proof = text(l -> (ru(l)
                ? "put в небуферизованный канал вернулся на %s мс, когда получатель взял значение на %s мс после сна: отправитель ждал получателя. В буфер ёмкостью 3 put вернулись на %s мс — четвёртый только после того, как получатель взял значение на %s мс. %s сообщений от производителя к потребителю (оба — виртуальные потоки, put/take, после прогрева): %s мкс на сообщение без буфера, %s мкс с буфером 1, %s мкс с буфером 128."
                : "put on the unbuffered channel returned at %s ms, when the receiver took the value at %s ms after sleeping: the sender waited for the receiver. Into a buffer of 3, the puts returned at %s ms: the fourth only after the receiver took a value at %s ms. %s messages from producer to consumer (both virtual threads, put/take, after a warm-up round): %s µs per message unbuffered, %s µs with a buffer of 1, %s µs with a buffer of 128.")
                .formatted(d(putMs, l), d(takeMs, l), o.text("buffered.putReturnedMillis"), bufferedTake, n(messages, l),
                        d(unbufferedUs, l), d(cap1Us, l), d(bufferedUs, l)));
        GoComparison goSide = tools.goComparison(claims, () -> go.run("channels", List.of(messages), Map.of()).map(g -> {
            double goTake = Long.parseLong(g.get("rendezvous.take.micros")) / 1000.0;
            double goSend = Long.parseLong(g.get("rendezvous.send.micros")) / 1000.0;
            return new GoPart(List.of(
                    row("go.rendezvous.sendReturnedMs", "Go: отправка в небуферизованный канал вернулась", "Go: send on the unbuffered channel returned", round(goSend), "ms"),
                    row("go.rendezvous.receiverTookMs", "Go: получатель взял", "Go: the receiver took", round(goTake), "ms"),
                    row("go.unbuffered.microsPerMessage", "Go: без буфера, на сообщение", "Go: unbuffered, per message",
                            round(Long.parseLong(g.get("unbuffered.nanos")) / 1000.0 / messages), "µs"),
                    row("go.cap1.microsPerMessage", "Go: буфер 1, на сообщение", "Go: buffer 1, per message",
                            round(Long.parseLong(g.get("cap1.nanos")) / 1000.0 / messages), "µs"),
                    row("go.buffered.microsPerMessage", "Go: буфер 128, на сообщение", "Go: buffer 128, per message",
                            round(Long.parseLong(g.get("buffered.nanos")) / 1000.0 / messages), "µs")),
                    List.of(claim("go.unbufferedSendWaitsForReceive", goSend >= goTake && "true".equals(g.get("checksums")),
                            "В Go отправка в небуферизованный канал ждёт получателя", "In Go a send on an unbuffered channel waits for the receiver",
                            text(l -> (ru(l) ? "отправка вернулась на %s мс, получатель взял на %s мс" : "the send returned at %s ms, the receiver took at %s ms")
                                    .formatted(d(goSend, l), d(goTake, l))))));
        }));
        return new Measured(true, rows, List.of(ratio("unbufferedPerBuffered",
                "Без буфера / буфер 128 (время на сообщение)", "Unbuffered / buffer 128 (time per message)",
                unbufferedUs / bufferedUs)), proof, claims, List.of(flags(o)), goSide);
    }

    private static boolean matches(long[] pipe, int messages) {
        return pipe[0] == pipe[1] && pipe[2] == messages;
    }

    private static long[] longs(String semicolonSeparated) {
        return Arrays.stream(semicolonSeparated.split(";")).mapToLong(Long::parseLong).toArray();
    }
}
