//! Tests for classify_eval.
