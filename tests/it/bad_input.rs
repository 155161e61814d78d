//! Tests for bad_input.
