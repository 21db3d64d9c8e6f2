/**
 * Views of a computation graph for tests and debugging: {@link io.github.autograd4j.graph.Graph}
 * is a snapshot of every node below a root (a loss, typically), each a
 * {@link io.github.autograd4j.graph.GraphNode} with its operation, label, shape, value and
 * gradient, exported as a table, Graphviz DOT or a Mermaid flowchart;
 * {@link io.github.autograd4j.graph.GraphCheck} checks each node's backward rule on its own and
 * names the first one that disagrees with finite differences.
 */
package io.github.autograd4j.graph;
