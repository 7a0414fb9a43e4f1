/**
 * Real infrastructure without Docker: a single-node KRaft Kafka broker and a Redis server, each run
 * as a child process on free ports, for the local run ({@code deploy/local/up.sh}) and for every
 * module's tests. {@link dev.modpipe.infra.SharedInfra} gives a test JVM one of each, started on
 * first use and stopped when the JVM exits; {@link dev.modpipe.infra.ContainerInfra} is the
 * Testcontainers variant for machines with Docker.
 */
package dev.modpipe.infra;
