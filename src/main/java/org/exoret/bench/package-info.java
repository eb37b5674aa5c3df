/** Benchmarks run by {@code exoret bench}; results go to benchmarks/results. */
package org.exoret.bench;
