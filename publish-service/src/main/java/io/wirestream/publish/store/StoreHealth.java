package io.wirestream.publish.store;

/** Whether a store answers, and why not. */
public record StoreHealth(String store, boolean up, String detail) {

    public static StoreHealth up(String store) {
        return new StoreHealth(store, true, "ok");
    }

    public static StoreHealth down(String store, String why) {
        return new StoreHealth(store, false, why);
    }
}
