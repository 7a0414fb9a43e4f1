-- Returns items whose lease ended to their lane. ARGV[3] the most leases to end in one run.
return reap_expired(tonumber(ARGV[3]))
