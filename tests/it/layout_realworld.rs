//! Tests for layout_realworld.
