package dev.modpipe.ingest.redis;

/** Redis did not answer (down, too slow, or out of connections): nothing may be accepted. */
public class RedisUnavailableException extends RuntimeException {
    public RedisUnavailableException(String operation, Throwable cause) {
        super("Redis unavailable during " + operation + ": " + cause.getClass().getSimpleName(), cause);
    }
}
