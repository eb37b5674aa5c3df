/** Benchmarks behind {@code exoret bench <area>}: each writes JSON and Markdown under benchmarks/results. */
package org.exoret.bench;
