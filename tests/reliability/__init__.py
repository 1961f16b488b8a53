"""Reliability and security tests: faults, lost answers, concurrency, bad input, secrets."""
