/**
 * Scale-out on Apache Spark: training-set generation split over executors ({@link org.exoret.spark.SparkTrainingSetJob})
 * and batches of retrievals, one per row of a table ({@link org.exoret.spark.SparkRetrievalJob}).
 *
 * <p>Spark is a {@code provided} dependency: the rest of exoret never loads a Spark class, and users who do not
 * run these jobs need no Spark jars. Forward models reach executors as a small serialisable
 * {@link org.exoret.spark.ForwardModelFactory}; each executor JVM builds a model once per configuration
 * ({@link org.exoret.spark.ExecutorModels}) and all its tasks share it. See docs/spark.md.
 */
package org.exoret.spark;
