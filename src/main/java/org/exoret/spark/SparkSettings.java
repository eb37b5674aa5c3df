package org.exoret.spark;

import org.apache.spark.SparkConf;

/** The Spark configuration exoret's commands start from. */
public final class SparkSettings {

    /** Master used when neither the command line nor {@code spark-submit} names one. */
    public static final String DEFAULT_MASTER = "local[2]";

    private SparkSettings() {
    }

    /**
     * A configuration that reads {@code spark.*} system properties (as set by {@code spark-submit}) and picks the
     * master: the one given, else the one {@code spark-submit} set, else {@value #DEFAULT_MASTER}.
     *
     * @param appName application name shown by Spark
     * @param master master URL from the command line, or {@code null}
     * @return the configuration
     */
    public static SparkConf conf(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        return conf;
    }
}
