//! Tests for charts.
