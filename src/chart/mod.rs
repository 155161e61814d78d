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

/// Every chart of `o` as `(file name, PNG bytes)`, in a fixed order: `matrix.png` (or
/// `matrix-1.png`, `matrix-2.png`, ... when paginated), `overlap.png`, `co-ownership.png`,
/// `gaps.png`, `workload.png`, `findings.png`. Empty data gives a "nothing to show" image,
/// never an error.
pub fn render_all(o: &Outcome, thresholds: &Thresholds) -> crate::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();

    let data = matrix::matrix_data(o);
    for (i, page) in data.pages.iter().enumerate() {
        let png = canvas::render_png(&page.file, matrix::page_size(&data, page), |a| {
            matrix::draw_matrix_page(a, &data, i)
        })?;
        out.push((page.file.clone(), png));
    }

    let overlap = overlap::overlap_data(o);
    out.push(bar_png(
        "overlap.png",
        &overlap.chart(),
        overlap.party_count == 0,
        "Nothing to show: the matrix has no parties.",
    )?);

    let co = coownership::coownership_data(o);
    let png = canvas::render_png(
        "co-ownership.png",
        coownership::coownership_size(&co),
        |a| coownership::draw_coownership(a, &co),
    )?;
    out.push(("co-ownership.png".to_string(), png));

    let gaps = gaps::gaps_data(o);
    let png = canvas::render_png("gaps.png", gaps::gaps_size(&gaps), |a| {
        gaps::draw_gaps(a, &gaps)
    })?;
    out.push(("gaps.png".to_string(), png));

    let workload = workload::workload_data(o, thresholds);
    out.push(bar_png(
        "workload.png",
        &workload.chart(),
        workload.party_count == 0,
        "Nothing to show: the matrix has no parties.",
    )?);

    let findings = findings::findings_data(o);
    out.push(bar_png(
        "findings.png",
        &findings.chart(),
        findings.total() == 0,
        "Nothing to show: the audit raised no findings.",
    )?);

    Ok(out)
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
