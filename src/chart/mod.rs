//! Charts: the numbers are computed first in pure functions (tested), then drawn with plotters
//! on any bitmap backend using the embedded DejaVu Sans font.
//!
//! Each chart has a `*_data(&Outcome) -> *Data` function (pure, no drawing), a size function
//! and a `draw_*` function generic over plotters' `DrawingBackend`. [`render_all`] joins them
//! into named PNG files, in memory and byte-for-byte repeatable.
//!
//! Large inputs stay legible by paginating the matrix (60 tasks x 40 parties a page) and by
//! showing the 30 busiest parties in the party charts with the rest summed in one bar (or
//! counted in the subtitle), never by shrinking text below 13 px.

pub mod bars;
pub mod canvas;
pub mod coownership;
pub mod diff;
pub mod findings;
pub mod gaps;
pub mod matrix;
pub mod overlap;
pub mod portfolio;
pub mod stats;
pub mod style;
pub mod workload;

#[cfg(test)]
pub(crate) mod testing;

use crate::audit::Thresholds;
use crate::outcome::Outcome;
use rayon::prelude::*;

/// The charts [`render_all`] draws, in its order, when the heatmap fits one page (more pages
/// are `matrix-1.png`, `matrix-2.png`, ... in place of `matrix.png`).
pub const CHART_FILES: [&str; 6] = [
    "matrix.png",
    "overlap.png",
    "co-ownership.png",
    "gaps.png",
    "workload.png",
    "findings.png",
];

/// Every chart of `o` as `(file name, PNG bytes)`, in a fixed order: `matrix.png` (or
/// `matrix-1.png`, `matrix-2.png`, ... when paginated), `overlap.png`, `co-ownership.png`,
/// `gaps.png`, `workload.png`, `findings.png`. Empty data gives a "nothing to show" image,
/// never an error.
pub fn render_all(o: &Outcome, thresholds: &Thresholds) -> crate::Result<Vec<(String, Vec<u8>)>> {
    // The numbers first (cheap), then every image drawn in parallel: the charts share
    // nothing, and drawing plus PNG encoding is most of a small audit's time. The ordered
    // collect keeps the fixed file order.
    let data = matrix::matrix_data(o);
    let overlap_data = overlap::overlap_data(o);
    let overlap = overlap_data.chart();
    let co = coownership::coownership_data(o);
    let gaps = gaps::gaps_data(o);
    let workload_data = workload::workload_data(o, thresholds);
    let workload = workload_data.chart();
    let findings_data = findings::findings_data(o);
    let findings = findings_data.chart();

    let mut jobs: Vec<Job> = (0..data.pages.len()).map(Job::MatrixPage).collect();
    jobs.extend([
        Job::Overlap,
        Job::CoOwnership,
        Job::Gaps,
        Job::Workload,
        Job::Findings,
    ]);
    let drawn: Vec<crate::Result<(String, Vec<u8>)>> = jobs
        .par_iter()
        .map(|job| match *job {
            Job::MatrixPage(i) => {
                let page = &data.pages[i];
                let png = canvas::render_png(&page.file, matrix::page_size(&data, page), |a| {
                    matrix::draw_matrix_page(a, &data, i)
                })?;
                Ok((page.file.clone(), png))
            }
            Job::Overlap => bar_png(
                "overlap.png",
                &overlap,
                overlap_data.party_count == 0,
                "Nothing to show: the matrix has no parties.",
            ),
            Job::CoOwnership => {
                let png = canvas::render_png(
                    "co-ownership.png",
                    coownership::coownership_size(&co),
                    |a| coownership::draw_coownership(a, &co),
                )?;
                Ok(("co-ownership.png".to_string(), png))
            }
            Job::Gaps => {
                let png = canvas::render_png("gaps.png", gaps::gaps_size(&gaps), |a| {
                    gaps::draw_gaps(a, &gaps)
                })?;
                Ok(("gaps.png".to_string(), png))
            }
            Job::Workload => bar_png(
                "workload.png",
                &workload,
                workload_data.party_count == 0,
                "Nothing to show: the matrix has no parties.",
            ),
            Job::Findings => bar_png(
                "findings.png",
                &findings,
                findings_data.total() == 0,
                "Nothing to show: the audit raised no findings.",
            ),
        })
        .collect();
    drawn.into_iter().collect()
}

/// One image [`render_all`] draws.
#[derive(Debug, Clone, Copy)]
enum Job {
    MatrixPage(usize),
    Overlap,
    CoOwnership,
    Gaps,
    Workload,
    Findings,
}

/// A bar chart, or its "nothing to show" panel when `empty`.
fn bar_png(
    file: &str,
    chart: &bars::BarChart,
    empty: bool,
    message: &str,
) -> crate::Result<(String, Vec<u8>)> {
    let png = if empty {
        let (w, h) = canvas::EMPTY_SIZE;
        canvas::render_png(file, canvas::EMPTY_SIZE, |a| {
            canvas::nothing_to_show(
                a,
                (w as i32, h as i32),
                &chart.headline,
                &chart.subtitle,
                message,
            )
        })?
    } else {
        canvas::render_png(file, bars::bar_chart_size(chart), |a| {
            bars::draw_bar_chart(a, chart)
        })?
    };
    Ok((file.to_string(), png))
}

#[cfg(test)]
mod tests {
    use super::*;
    use testing::Fixture;

    #[test]
    fn fixed_names_in_fixed_order() {
        let f = Fixture::small();
        let names: Vec<String> = render_all(&f.outcome(), &Thresholds::default())
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                "matrix.png",
                "overlap.png",
                "co-ownership.png",
                "gaps.png",
                "workload.png",
                "findings.png"
            ]
        );
        assert_eq!(names, CHART_FILES);
    }

    /// `CHART_DIR=/tmp/charts cargo test --lib write_pngs -- --ignored` to look at them.
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
            for (file, png) in render_all(&f.outcome(), &Thresholds::default()).unwrap() {
                std::fs::write(format!("{dir}/{name}-{file}"), png).unwrap();
            }
        }
    }
}
