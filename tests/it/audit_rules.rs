//! Tests for audit_rules.
