//! Tests for portfolio.
