//! Import of published protocols: under way.
