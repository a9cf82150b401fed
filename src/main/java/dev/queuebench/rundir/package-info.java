/**
 * The run directory: the contract between queuebench's parts (docs/run-directory.md). This package
 * owns every file of a run: its name, its schema, its one reader and its one writer, the atomic
 * write and the one configured JSON mapper. Every other package reads and writes run files only
 * through it, and it imports nothing of theirs.
 */
package dev.queuebench.rundir;
