/**
 * The events that the moderation pipeline's services exchange over Kafka, the catalogue of topics
 * they travel on, and the JSON codec for them.
 *
 * <p>Every type here is an immutable record or enum with no framework annotations; each record
 * checks its invariants in its compact constructor, so an instance that exists is valid. The JSON
 * Schemas under {@code /schemas} describe the same payloads for platforms that publish directly.
 */
package dev.modpipe.model;
