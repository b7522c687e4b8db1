"""Pure functions on DataFrames that make every number a report shows: no I/O, no plotting."""
