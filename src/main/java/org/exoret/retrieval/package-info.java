/**
 * Retrievals end to end: a BART-style configuration ({@link org.exoret.retrieval.RetrievalConfig}), the
 * orchestration of forward model, likelihood and sampler ({@link org.exoret.retrieval.Retrieval}), and the
 * outputs a user reads (posterior files, summary, plots and a Markdown report). The only package that wires
 * the physics, the surrogate, the sampler and the posterior analysis together.
 */
package org.exoret.retrieval;
