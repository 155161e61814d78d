//! Report writers (CSV, Markdown, JSON, HTML, XLSX) over any `io::Write`, plus the atomic
//! file writing they share with `chart`.
