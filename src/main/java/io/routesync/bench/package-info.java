/**
 * The benchmarks behind the README's speed figures, run by the hidden {@code routesync bench} command
 * ({@code io.routesync.cli.BenchCommand}): {@link io.routesync.bench.CoreBench} times parsing and
 * planning on synthetic tables of up to a million routes and measures the heap they take;
 * {@link io.routesync.bench.ApplyBench} times routesync's apply in fresh network namespaces against
 * the same changes as a hand-written {@code ip -batch} file and as one {@code ip} process per change
 * (needs root). {@code Synthetic} makes the states (one owned table, 1% drift), {@code Timer} the
 * best-and-median timings.
 *
 * <p>In the package order (model, iproute2, config/plan/saved/lookup/git, transport, apply, run,
 * render, cli) bench sits with cli, at the end: it uses model, iproute2, plan, transport and apply.
 * Not pure by design: it reads the clock and the heap, and {@code ApplyBench} runs {@code ip}, writes
 * temporary files and creates and deletes its own namespaces. Nothing here is used by the other
 * commands.
 */
package io.routesync.bench;
