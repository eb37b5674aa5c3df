/** Runnable examples of the Java API, referenced from {@code docs/api.md}. */
package org.exoret.examples;
