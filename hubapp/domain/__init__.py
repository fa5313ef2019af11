"""Pure rules and records of the hub: no Qt, no SQL."""
