package io.wirestream.wire.downstream;

import io.wirestream.avro.Article;
import io.wirestream.contracts.topics.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * What a downstream site runs to read {@code wire.articles}: kafka-clients, the contracts jar and a Properties object
 * of strings naming the deserializer and the registry, nothing else of Wirestream. {@code PipelineJourneys} runs it
 * in a JVM of its own whose classpath is the contracts jar and its dependencies only, without
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 *
 * <p>Arguments: bootstrap servers, registry URL, {@code specific.avro.reader} (true or false), then the story uris
 * to wait for. Prints what it can see of the JVM, then one tab-separated line per record of those uris (key, value
 * class, uri, version, headline); exits 0 once every uri was read, 3 when 90 s passed first.
 */
public final class DownstreamSite {

    private DownstreamSite() {}

    public static void main(String[] args) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", args[0]);
        p.setProperty("group.id", "downstream-site-" + UUID.randomUUID());
        p.setProperty("auto.offset.reset", "earliest");
        p.setProperty("enable.auto.commit", "false");
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("key.deserializer", "io.wirestream.contracts.serde.WireAvroDeserializer");
        p.setProperty("value.deserializer", "io.wirestream.contracts.serde.WireAvroDeserializer");
        p.setProperty("schema.registry.url", args[1]);
        p.setProperty("specific.avro.reader", args[2]);
        Set<String> wanted = Set.copyOf(Arrays.asList(args).subList(3, args.length));
        Set<String> waiting = new HashSet<>(wanted);

        System.out.println("jvm\tavro-trusted-packages=" + System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES"));
        System.out.println("jvm\twirestream-runtime-on-classpath=" + visible("io.wirestream.runtime.config.KafkaSettings"));
        System.out.println("jvm\tlocal-kafka-on-classpath=" + visible("io.wirestream.localkafka.EmbeddedKafka"));
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.ARTICLES.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<Object, Object> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!(r.value() instanceof GenericRecord story)) {
                        continue; // a tombstone of a killed story
                    }
                    String uri = String.valueOf(story.get("uri"));
                    if (!wanted.contains(uri)) {
                        continue;
                    }
                    // a generated Article is read through its own getters, a generic record by field name
                    Object headline = story instanceof Article article ? article.getHeadline() : story.get("headline");
                    System.out.println(String.join("\t", "record", String.valueOf(r.key()), story.getClass().getName(), uri,
                            String.valueOf(story.get("version")), clean(headline)));
                    waiting.remove(uri);
                }
            }
        }
        if (!waiting.isEmpty()) {
            System.out.println("missing\t" + waiting);
            System.exit(3);
        }
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, DownstreamSite.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String clean(Object text) {
        return String.valueOf(text).replace('\t', ' ').replace('\n', ' ');
    }
}
