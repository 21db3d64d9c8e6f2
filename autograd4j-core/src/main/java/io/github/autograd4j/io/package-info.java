/**
 * Internal to autograd4j's modules (exported to them only): the all-or-nothing file writer behind
 * checkpoints, graph reports, gradient-check tables and golden files. Applications use
 * {@code io.github.autograd4j.nn.io.AtomicFile}.
 */
package io.github.autograd4j.io;
