package org.exoret.cli;

/** Puts DJL in offline mode unless the user chose otherwise: nothing may be downloaded at run time. */
final class DjlOffline {

    private DjlOffline() {
    }

    static void enable() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
