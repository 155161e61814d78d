//! Tests for props.
