//! Charts: the numbers are computed first in pure functions (tested), then drawn with plotters
//! on any bitmap backend using the embedded DejaVu Sans font.
//!
//! Each chart has a `*_data(&Outcome) -> *Data` function (pure, no drawing), a `*_size` for
//! its image size, and a `draw_*` function generic over plotters' `DrawingBackend`.
//! [`render_all`] joins them into named PNG files, in memory and byte-for-byte repeatable.

pub mod canvas;
pub mod matrix;
pub mod stats;
pub mod style;

#[cfg(test)]
pub(crate) mod testing;

use crate::outcome::Outcome;

/// Every chart of `o` as `(file name, PNG bytes)`, in a fixed order: the matrix page(s),
/// `overlap.png`, `co-ownership.png`, `gaps.png`, `workload.png`, `findings.png`.
pub fn render_all(
    o: &Outcome,
    thresholds: &crate::audit::Thresholds,
) -> crate::Result<Vec<(String, Vec<u8>)>> {
    let _ = thresholds;
    let mut out = Vec::new();
    let data = matrix::matrix_data(o);
    for (i, page) in data.pages.iter().enumerate() {
        let png = canvas::render_png(&page.file, matrix::page_size(&data, page), |a| {
            matrix::draw_matrix_page(a, &data, i)
        })?;
        out.push((page.file.clone(), png));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use testing::Fixture;

    #[test]
    #[ignore = "writes PNGs to $CHART_DIR for looking at them"]
    fn write_pngs() {
        let dir = std::env::var("CHART_DIR").unwrap_or_else(|_| "/tmp/charts".into());
        std::fs::create_dir_all(&dir).unwrap();
        for (name, f) in [
            ("small", Fixture::small()),
            ("gen", Fixture::generated(130, 45)),
            ("empty", Fixture::empty()),
        ] {
            for (file, png) in render_all(&f.outcome(), &Default::default()).unwrap() {
                std::fs::write(format!("{dir}/{name}-{file}"), png).unwrap();
            }
        }
    }
}
