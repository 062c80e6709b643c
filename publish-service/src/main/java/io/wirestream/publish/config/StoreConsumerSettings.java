package io.wirestream.publish.config;

import io.wirestream.runtime.config.Settings;

import java.time.Duration;

/** What every store's consumer is given: where it reads, in what batches, and how it waits out a failing store. */
public record StoreConsumerSettings(String topic, String groupIdPrefix, int maxPollRecords, Duration sessionTimeout,
                                    Duration retryInitial, Duration retryMax, Duration embargoCheckInterval) {

    public StoreConsumerSettings {
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException(PublishSettings.RETRY_INITIAL.key() + " must be positive and at most "
                    + PublishSettings.RETRY_MAX.key());
        }
    }

    public static StoreConsumerSettings of(Settings settings) {
        return new StoreConsumerSettings(settings.get(PublishSettings.TOPIC), settings.get(PublishSettings.GROUP_ID_PREFIX),
                settings.get(PublishSettings.MAX_POLL_RECORDS), settings.get(PublishSettings.SESSION_TIMEOUT),
                settings.get(PublishSettings.RETRY_INITIAL), settings.get(PublishSettings.RETRY_MAX),
                settings.get(PublishSettings.EMBARGO_CHECK_INTERVAL));
    }

    /** Each store has its own consumer group, so each keeps its own progress. */
    public String groupId(StoreKind store) {
        return groupIdPrefix + "-" + store.configName();
    }
}
