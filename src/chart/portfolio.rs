//! `portfolio.png`: teams side by side, worst health first: each team's health score (0-100)
//! on the left, its overlaps and gaps on the right, and the files that could not be read last.

use super::canvas::{self, plural, Drawn, TITLE_BLOCK};
use super::style::{self, Align, Ink, INK, MARGIN, MUTED, RULE};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One team as the roll-up knows it. `health` is `None` when its file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamScore {
    pub team: String,
    pub health: Option<u32>,
    pub overlaps: usize,
    pub gaps: usize,
}

/// The numbers behind `portfolio.png`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioData {
    /// The rows drawn: audited teams by health (lowest first), then most overlaps and gaps,
    /// then name; then the teams whose file could not be read, in input order.
    pub teams: Vec<TeamScore>,
    /// Teams left out of the picture (beyond [`MAX_TEAMS`]); the roll-up CSV lists them.
    pub hidden: usize,
    pub audited: usize,
    pub failed: usize,
}

/// More rows than this would make an image taller than a screen can scroll sensibly; the
/// healthiest teams past it are counted in the subtitle and stay in `portfolio.csv`.
pub const MAX_TEAMS: usize = 300;

/// Below this health score a team is called out in the headline.
pub const LOW_HEALTH: u32 = 60;

pub fn portfolio_data(teams: &[TeamScore]) -> PortfolioData {
    let mut audited: Vec<&TeamScore> = teams.iter().filter(|t| t.health.is_some()).collect();
    audited.sort_by(|a, b| {
        a.health
            .cmp(&b.health)
            .then((b.overlaps + b.gaps).cmp(&(a.overlaps + a.gaps)))
            .then(a.team.cmp(&b.team))
    });
    let failed: Vec<&TeamScore> = teams.iter().filter(|t| t.health.is_none()).collect();
    let (n_audited, n_failed) = (audited.len(), failed.len());
    // Unreadable files are shown before the healthiest teams are dropped: they need action.
    let keep_failed = failed.len().min(MAX_TEAMS);
    let keep_audited = audited.len().min(MAX_TEAMS - keep_failed);
    let rows: Vec<TeamScore> = audited
        .into_iter()
        .take(keep_audited)
        .chain(failed.into_iter().take(keep_failed))
        .cloned()
        .collect();
    PortfolioData {
        hidden: teams.len() - rows.len(),
        teams: rows,
        audited: n_audited,
        failed: n_failed,
    }
}

impl PortfolioData {
    fn low(&self) -> usize {
        self.teams
            .iter()
            .filter(|t| t.health.is_some_and(|h| h < LOW_HEALTH))
            .count()
    }

    pub fn headline(&self) -> String {
        let mut parts = Vec::new();
        match self.teams.first() {
            Some(TeamScore {
                team,
                health: Some(h),
                ..
            }) => {
                let low = self.low();
                if low > 0 {
                    parts.push(format!(
                        "{} of {} under {LOW_HEALTH}/100; lowest: {team} at {h}",
                        low,
                        plural(self.audited, "team", "teams"),
                    ));
                } else {
                    parts.push(format!(
                        "All {} at {LOW_HEALTH}/100 or better; lowest: {team} at {h}",
                        plural(self.audited, "team", "teams"),
                    ));
                }
            }
            _ if self.audited == 0 => parts.push("No team could be audited".to_string()),
            _ => {}
        }
        if self.failed > 0 {
            parts.push(format!(
                "{} could not be read",
                plural(self.failed, "file", "files")
            ));
        }
        parts.join("; ")
    }

    pub fn subtitle(&self) -> String {
        let mut s = "Health score per team (lowest first) and its overlaps and gaps".to_string();
        if self.hidden > 0 {
            s.push_str(&format!(
                "; the {} healthiest teams are left out here and listed in portfolio.csv",
                self.hidden
            ));
        }
        s
    }

    fn max_count(&self) -> usize {
        self.teams
            .iter()
            .map(|t| t.overlaps + t.gaps)
            .max()
            .unwrap_or(0)
    }
}

const WIDTH: i32 = 1500;
const ROW_H: i32 = 28;
const LABEL_MAX: i32 = 340;
const HEALTH_W: i32 = 420;
const PANEL_GAP: i32 = 90;
/// Room right of the count bars for their note (`12 overlaps, 3 gaps`).
const NOTE_W: i32 = 220;
const OVERLAP: RGBColor = style::VERMILLION;
const GAP: RGBColor = style::SKY;
const HEALTH: RGBColor = style::BLUE;

struct Layout {
    label_w: i32,
    /// Health panel: x0..x1 is 0..100.
    h0: i32,
    h1: i32,
    /// Count panel: c0..c1 is 0..max.
    c0: i32,
    c1: i32,
    rows_top: i32,
    height: i32,
}

fn layout(d: &PortfolioData) -> Layout {
    let ink = Ink::new(style::BODY, INK);
    let label_w = d
        .teams
        .iter()
        .map(|t| style::text_width(&t.team, ink))
        .max()
        .unwrap_or(0)
        .clamp(120, LABEL_MAX);
    let h0 = MARGIN + label_w + 16;
    let h1 = h0 + HEALTH_W;
    let c0 = h1 + PANEL_GAP;
    let c1 = WIDTH - MARGIN - NOTE_W;
    let rows_top = TITLE_BLOCK + 16 + 32 + 28;
    let height = rows_top + ROW_H * d.teams.len().max(1) as i32 + 44 + MARGIN;
    Layout {
        label_w,
        h0,
        h1,
        c0,
        c1,
        rows_top,
        height,
    }
}

pub fn portfolio_size(d: &PortfolioData) -> (u32, u32) {
    if d.teams.is_empty() {
        return canvas::EMPTY_SIZE;
    }
    (WIDTH as u32, layout(d).height as u32)
}

pub fn draw_portfolio<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    d: &PortfolioData,
) -> Drawn<DB> {
    if d.teams.is_empty() {
        let (w, h) = canvas::EMPTY_SIZE;
        return canvas::nothing_to_show(
            area,
            (w as i32, h as i32),
            &d.headline(),
            &d.subtitle(),
            "Nothing to show: no input files were given.",
        );
    }
    let l = layout(d);
    canvas::title(area, WIDTH, &d.headline(), &d.subtitle())?;
    let ink = Ink::new(style::BODY, INK);
    let small = Ink::new(style::SMALL, MUTED);
    let legend_y = TITLE_BLOCK + 16;
    let x = canvas::swatch(area, (l.h0, legend_y), HEALTH, None, "health score (0-100)")?;
    let x = canvas::swatch(area, (x.max(l.c0), legend_y), OVERLAP, None, "overlaps")?;
    canvas::swatch(area, (x, legend_y), GAP, None, "gaps")?;

    let rows_bottom = l.rows_top + ROW_H * d.teams.len() as i32;
    let max = (d.max_count().max(1) as f64) * 1.05;
    let hx = |v: f64| l.h0 + ((v / 100.0) * (l.h1 - l.h0) as f64).round() as i32;
    let cx = |v: f64| l.c0 + ((v / max) * (l.c1 - l.c0) as f64).round() as i32;

    // Grids and ticks for both panels.
    for v in (0..=100).step_by(20) {
        let x = hx(v as f64);
        area.draw(&PathElement::new(
            vec![(x, l.rows_top - 4), (x, rows_bottom)],
            RULE.stroke_width(1),
        ))?;
        style::text(
            area,
            &v.to_string(),
            (x, rows_bottom + 14),
            Align::Center,
            small,
        )?;
    }
    canvas::value_grid(area, max, 6, cx, (l.rows_top - 4, rows_bottom), small)?;
    style::text(
        area,
        "health score",
        ((l.h0 + l.h1) / 2, rows_bottom + 34),
        Align::Center,
        small,
    )?;
    style::text(
        area,
        "overlap and gap findings",
        ((l.c0 + l.c1) / 2, rows_bottom + 34),
        Align::Center,
        small,
    )?;

    for (k, t) in d.teams.iter().enumerate() {
        let y = l.rows_top + k as i32 * ROW_H;
        let cy = y + ROW_H / 2;
        let label = style::fit(&t.team, ink, l.label_w).0;
        style::text(area, &label, (l.h0 - 12, cy), Align::Right, ink)?;
        let Some(h) = t.health else {
            style::text(
                area,
                "could not be read: see portfolio.csv",
                (l.h0 + 6, cy),
                Align::Left,
                ink.bold().colored(style::VERMILLION),
            )?;
            continue;
        };
        let end = hx(h.min(100) as f64);
        if h > 0 {
            area.draw(&Rectangle::new(
                [(l.h0, y + 5), (end, y + ROW_H - 5)],
                HEALTH.filled(),
            ))?;
        }
        let value = h.to_string();
        let vink = Ink::new(style::SMALL, INK).bold();
        let vw = style::text_width(&value, vink);
        // Inside the bar in white when it fits, else just after it.
        if end - l.h0 >= vw + 12 {
            style::text(
                area,
                &value,
                (end - 6, cy),
                Align::Right,
                vink.colored(style::WHITE),
            )?;
        } else {
            style::text(area, &value, (end + 6, cy), Align::Left, vink)?;
        }
        let mut at = 0.0;
        for (n, color) in [(t.overlaps, OVERLAP), (t.gaps, GAP)] {
            if n == 0 {
                continue;
            }
            let (x0, x1) = (cx(at), cx(at + n as f64));
            area.draw(&Rectangle::new(
                [(x0, y + 5), (x1.max(x0 + 1), y + ROW_H - 5)],
                color.filled(),
            ))?;
            at += n as f64;
        }
        let note = format!(
            "{}, {}",
            plural(t.overlaps, "overlap", "overlaps"),
            plural(t.gaps, "gap", "gaps")
        );
        let room = WIDTH - MARGIN - (l.c1 + 12);
        style::text(
            area,
            &style::fit(&note, small, room).0,
            (cx(at).max(l.c0) + 12, cy),
            Align::Left,
            small,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(name: &str, health: Option<u32>, overlaps: usize, gaps: usize) -> TeamScore {
        TeamScore {
            team: name.to_string(),
            health,
            overlaps,
            gaps,
        }
    }

    #[test]
    fn worst_health_first_and_unreadable_last() {
        let d = portfolio_data(&[
            team("bad-file", None, 0, 0),
            team("alpha", Some(80), 1, 2),
            team("beta", Some(40), 0, 1),
            team("gamma", Some(80), 5, 0),
            team("delta", Some(40), 0, 1),
        ]);
        let order: Vec<&str> = d.teams.iter().map(|t| t.team.as_str()).collect();
        assert_eq!(order, ["beta", "delta", "gamma", "alpha", "bad-file"]);
        assert_eq!((d.audited, d.failed, d.hidden), (4, 1, 0));
        assert_eq!(
            d.headline(),
            "2 of 4 teams under 60/100; lowest: beta at 40; 1 file could not be read"
        );
    }

    #[test]
    fn many_teams_keep_the_worst_and_say_so() {
        let teams: Vec<TeamScore> = (0..MAX_TEAMS + 20)
            .map(|i| team(&format!("team-{i:03}"), Some((i % 101) as u32), i % 7, 1))
            .collect();
        let d = portfolio_data(&teams);
        assert_eq!(d.teams.len(), MAX_TEAMS);
        assert_eq!(d.hidden, 20);
        assert!(d.subtitle().contains("20 healthiest"), "{}", d.subtitle());
        let shown_max = d.teams.iter().filter_map(|t| t.health).max().unwrap();
        let hidden_min = teams
            .iter()
            .filter(|t| !d.teams.contains(t))
            .filter_map(|t| t.health)
            .min()
            .unwrap();
        assert!(shown_max <= hidden_min);
    }

    #[test]
    fn all_healthy_and_nothing_read() {
        let d = portfolio_data(&[team("a", Some(90), 0, 0), team("b", Some(75), 1, 0)]);
        assert_eq!(
            d.headline(),
            "All 2 teams at 60/100 or better; lowest: b at 75"
        );
        let d = portfolio_data(&[team("x", None, 0, 0)]);
        assert_eq!(
            d.headline(),
            "No team could be audited; 1 file could not be read"
        );
    }

    #[test]
    fn fifty_teams_draw_legibly_and_repeatably() {
        let teams: Vec<TeamScore> = (0..50)
            .map(|i| {
                let health = if i % 9 == 4 { None } else { Some(i * 2) };
                team(&format!("Team number {i}"), health, i as usize % 13, 3)
            })
            .collect();
        let d = portfolio_data(&teams);
        let size = portfolio_size(&d);
        assert_eq!(size.0, WIDTH as u32);
        // Rows at 28 px: 50 teams stay far from the 11 px text floor.
        assert!(size.1 >= 50 * ROW_H as u32, "{size:?}");
        let one = canvas::render_png("portfolio.png", size, |a| draw_portfolio(a, &d)).unwrap();
        let two = canvas::render_png("portfolio.png", size, |a| draw_portfolio(a, &d)).unwrap();
        assert_eq!(one, two);
        let empty = portfolio_data(&[]);
        assert_eq!(portfolio_size(&empty), canvas::EMPTY_SIZE);
        canvas::render_png("portfolio.png", portfolio_size(&empty), |a| {
            draw_portfolio(a, &empty)
        })
        .unwrap();
    }
}
