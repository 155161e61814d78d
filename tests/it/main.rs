//! The one integration-test binary (STYLE.md: it links once). One module per area.

mod support;

mod anonymize;
mod audit_rules;
mod bad_input;
mod charts;
mod classify_eval;
mod classify_v2;
mod cli;
mod diff;
mod layout_realworld;
mod modules;
mod portfolio;
mod props;
mod registry;
mod reports;
mod review;
mod review_browser;
mod serve;
mod steering;
mod suggestions;
