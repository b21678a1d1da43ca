//! Charts as SVG, drawn with plotters: lines over time, a histogram, grouped bars and small
//! multiples against a target. The callers choose the figures and the words; this module
//! only draws them (the same SVG goes into the PDFs and onto the pages).

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format;

/// A chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("diagrammet kunde inte ritas: {0}")]
pub struct ChartError(String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// One line of counts over the chart's x positions.
#[derive(Debug, Clone)]
pub struct Line {
    /// In the legend (none: no legend entry).
    pub name: Option<String>,
    /// (x position, count).
    pub points: Vec<(usize, u64)>,
    /// Drawn heavier and black (the total).
    pub total: bool,
    /// Each point marked with a dot.
    pub markers: bool,
}

/// Counts over time: one x position per label.
#[derive(Debug, Clone)]
pub struct LineChart {
    /// Caption.
    pub title: String,
    /// The label of each x position (dates).
    pub x_labels: Vec<String>,
    /// The y axis.
    pub y_desc: String,
    /// The lines.
    pub lines: Vec<Line>,
}

/// Counts in bins of equal width.
#[derive(Debug, Clone)]
pub struct Histogram {
    /// Caption.
    pub title: String,
    /// The x axis.
    pub x_desc: String,
    /// The y axis.
    pub y_desc: String,
    /// (start of the bin, count), by start.
    pub bins: Vec<(i64, u64)>,
    /// The width of a bin.
    pub width: i64,
}

/// A line chart alone (960 × 420).
pub fn lines_svg(chart: &LineChart) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 420)).into_drawing_area();
        root.fill(&WHITE)?;
        draw_lines(&root, chart)?;
        root.present()?;
    }
    Ok(svg)
}

/// A line chart above a histogram (960 × 760).
pub fn lines_and_histogram_svg(lines: &LineChart, hist: &Histogram) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 760)).into_drawing_area();
        root.fill(&WHITE)?;
        let (top, bottom) = root.split_vertically(420);
        draw_lines(&top, lines)?;
        draw_histogram(&bottom, hist)?;
        root.present()?;
    }
    Ok(svg)
}

fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &LineChart,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let n = c.x_labels.len().max(2);
    let max = c
        .lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.1))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut chart = ChartBuilder::on(area)
        .caption(&c.title, ("sans-serif", 18))
        .margin(12)
        .margin_right(40)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(0..n - 1, 0..max + 1)?;
    let labels = &c.x_labels;
    chart
        .configure_mesh()
        .x_labels(n)
        .x_label_formatter(&|i| labels.get(*i).cloned().unwrap_or_default())
        .y_desc(&c.y_desc)
        .draw()?;
    let mut legend = false;
    for (k, line) in c.lines.iter().enumerate() {
        let style = if line.total {
            BLACK.stroke_width(3)
        } else {
            Palette99::pick(k).to_rgba().stroke_width(2)
        };
        let drawn = chart.draw_series(LineSeries::new(line.points.iter().copied(), style))?;
        if let Some(name) = &line.name {
            legend = true;
            drawn
                .label(name.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
        }
        if line.markers {
            chart.draw_series(
                line.points
                    .iter()
                    .map(|p| Circle::new(*p, 4, style.color.filled())),
            )?;
        }
    }
    if legend {
        chart
            .configure_series_labels()
            .border_style(BLACK)
            .background_style(WHITE.mix(0.85))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()?;
    }
    Ok(())
}

fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    h: &Histogram,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let width = h.width.max(1);
    let x0 = h.bins.first().map_or(0, |b| b.0);
    let x1 = h.bins.last().map_or(width * 4, |b| b.0 + width);
    let max = h.bins.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let mut chart = ChartBuilder::on(area)
        .caption(&h.title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(x0..x1, 0..max + 1)?;
    chart
        .configure_mesh()
        .x_desc(&h.x_desc)
        .y_desc(&h.y_desc)
        .draw()?;
    chart.draw_series(h.bins.iter().map(|(start, count)| {
        Rectangle::new(
            [(*start, 0), (*start + width, *count)],
            BLUE.mix(0.6).filled(),
        )
    }))?;
    Ok(())
}

/// A grouped horizontal bar chart: for each label (top to bottom), one bar per series,
/// each with its value written beside it.
pub fn bars_svg(
    title: &str,
    x_desc: &str,
    labels: &[String],
    series: &[(&str, Vec<Option<f64>>)],
) -> Result<String, ChartError> {
    let n = labels.len().max(1);
    let values: Vec<f64> = series
        .iter()
        .flat_map(|(_, v)| v.iter().flatten().copied())
        .collect();
    let lo = values.iter().copied().fold(0.0f64, f64::min);
    let hi = values.iter().copied().fold(0.0f64, f64::max);
    let span = (hi - lo).max(1.0);
    let (lo, hi) = (
        lo - span * 0.02 - if lo < 0.0 { span * 0.12 } else { 0.0 },
        hi + span * 0.16,
    );
    let height = 110 + 46 * n as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 20))
            .margin(14)
            .margin_right(24)
            .x_label_area_size(44)
            .y_label_area_size(330)
            .build_cartesian_2d(lo..hi, -0.5f64..(n as f64 - 0.5))?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 {
                    // Top to bottom in the order given.
                    labels.get(n - 1 - i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| format::number_plain(*x, 0))
            .x_desc(x_desc)
            .label_style(("sans-serif", 14))
            .draw()?;
        let k = series.len().max(1) as f64;
        let band = 0.8 / k;
        let colours = [
            RGBColor(31, 95, 160),
            RGBColor(230, 140, 30),
            RGBColor(60, 150, 80),
        ];
        for (s, (name, vals)) in series.iter().enumerate() {
            let colour = colours[s % colours.len()];
            let offset = 0.4 - band * (s as f64 + 1.0);
            let bars: Vec<(f64, f64, f64)> = vals
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| ((n - 1 - i) as f64 + offset, v, band)))
                .collect();
            chart
                .draw_series(bars.iter().map(|(y, v, b)| {
                    Rectangle::new([(0.0, *y + b * 0.08), (*v, *y + b * 0.92)], colour.filled())
                }))?
                .label(*name)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 6), (x + 16, y + 6)], colour.filled())
                });
            chart.draw_series(bars.iter().map(|(y, v, b)| {
                let pos = if *v >= 0.0 { *v } else { 0.0 };
                Text::new(
                    format::number_plain(*v, 0),
                    (pos, *y + b * 0.75),
                    ("sans-serif", 12).into_font().color(&BLACK),
                )
            }))?;
        }
        chart
            .configure_series_labels()
            .border_style(BLACK)
            .background_style(WHITE.mix(0.9))
            .position(SeriesLabelPosition::LowerRight)
            .label_font(("sans-serif", 14))
            .draw()?;
        root.present()?;
    }
    Ok(svg)
}

/// One small chart of values by year against a target.
#[derive(Debug, Clone)]
pub struct TargetSeries {
    /// Caption (shortened to fit).
    pub title: String,
    /// (year, value).
    pub points: Vec<(i32, f64)>,
    /// Målvärde.
    pub target: f64,
    /// "%" writes a percent sign after the values.
    pub unit: String,
}

/// Small multiples, two a row, each series against its target; `None` when there are none.
pub fn targets_svg(title: &str, series: &[TargetSeries]) -> Result<Option<String>, ChartError> {
    if series.is_empty() {
        return Ok(None);
    }
    let rows = series.len().div_ceil(2);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (960, 300 * rows as u32 + 40)).into_drawing_area();
        root.fill(&WHITE)?;
        let (top, rest) = root.split_vertically(40);
        top.titled(title, ("sans-serif", 20))?;
        let cells = rest.split_evenly((rows, 2));
        for (s, area) in series.iter().zip(cells.iter()) {
            let pts = &s.points;
            let target = s.target;
            let (x0, x1) = (
                pts.iter().map(|p| p.0).min().unwrap_or(2020),
                pts.iter().map(|p| p.0).max().unwrap_or(2023),
            );
            let lo = pts.iter().map(|p| p.1).fold(target, f64::min);
            let hi = pts.iter().map(|p| p.1).fold(target, f64::max);
            let pad = ((hi - lo) * 0.15).max(1.0);
            let mut chart = ChartBuilder::on(area)
                .caption(short(&s.title, 58), ("sans-serif", 14))
                .margin(10)
                .x_label_area_size(28)
                .y_label_area_size(46)
                .build_cartesian_2d(x0..x1.max(x0 + 1), (lo - pad)..(hi + pad))?;
            let decimals = if hi - lo + 2.0 * pad < 10.0 { 1 } else { 0 };
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .x_labels((x1 - x0 + 1).clamp(2, 8) as usize)
                .x_label_formatter(&|x| x.to_string())
                .y_label_formatter(&|y| {
                    format!(
                        "{}{}",
                        format::number_plain(*y, decimals),
                        if s.unit == "%" { " %" } else { "" }
                    )
                })
                .label_style(("sans-serif", 12))
                .draw()?;
            let red = RGBColor(200, 40, 40).stroke_width(2);
            chart
                .draw_series(LineSeries::new(
                    [(x0, target), (x1.max(x0 + 1), target)],
                    red,
                ))?
                .label(format!("Mål {}", format::number_plain(target, 1)))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], red));
            let blue = RGBColor(31, 95, 160).stroke_width(3);
            chart
                .draw_series(LineSeries::new(pts.iter().copied(), blue))?
                .label("Utfall")
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], blue));
            chart.draw_series(
                pts.iter()
                    .map(|p| Circle::new(*p, 4, RGBColor(31, 95, 160).filled())),
            )?;
            chart
                .configure_series_labels()
                .border_style(BLACK)
                .background_style(WHITE.mix(0.9))
                .position(SeriesLabelPosition::LowerRight)
                .label_font(("sans-serif", 12))
                .draw()?;
        }
        root.present()?;
    }
    Ok(Some(svg))
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>().trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_are_svg_with_their_words() {
        let lines = LineChart {
            title: "Väntande beslut".into(),
            x_labels: vec!["2023-10".into(), "2023-11".into(), "2023-12".into()],
            y_desc: "Antal beslut".into(),
            lines: vec![
                Line {
                    name: Some("Alla insatser".into()),
                    points: vec![(0, 3), (1, 5), (2, 4)],
                    total: true,
                    markers: false,
                },
                Line {
                    name: None,
                    points: vec![(0, 1), (2, 2)],
                    total: false,
                    markers: true,
                },
            ],
        };
        let hist = Histogram {
            title: "Dagar".into(),
            x_desc: "Antal dagar".into(),
            y_desc: "Antal beslut".into(),
            bins: vec![(90, 2), (120, 1)],
            width: 30,
        };
        let svg = lines_and_histogram_svg(&lines, &hist).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("Alla insatser") && svg.contains("Dagar"));
        assert!(lines_svg(&lines).unwrap().contains("2023-11"));
        let bars = bars_svg(
            "Budget",
            "tkr",
            &["Hemtjänst".into()],
            &[("Budget", vec![Some(-1200.0)]), ("Utfall", vec![None])],
        )
        .unwrap();
        assert!(bars.contains("Hemtjänst"));
        assert_eq!(targets_svg("Mål", &[]).unwrap(), None);
        let t = targets_svg(
            "Indikatorer",
            &[TargetSeries {
                title: "Andel nöjda brukare i hemtjänsten, som en mycket lång rubrik utan slut"
                    .into(),
                points: vec![(2021, 88.0), (2022, 91.5)],
                target: 90.0,
                unit: "%".into(),
            }],
        )
        .unwrap()
        .unwrap();
        assert!(t.contains("…") && t.contains("Mål 90"));
    }
}
