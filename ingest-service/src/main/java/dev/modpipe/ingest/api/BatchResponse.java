package dev.modpipe.ingest.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer to a batch: {@code 200}, one result per submitted post, in order. */
@Serdeable
public record BatchResponse(List<BatchItemResult> results) {}
