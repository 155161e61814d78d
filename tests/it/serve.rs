//! Tests for serve.
