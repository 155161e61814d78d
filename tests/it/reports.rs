//! Tests for reports.
