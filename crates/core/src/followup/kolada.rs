//! Nyckeltal från Kolada: KPI values per municipality, year and gender, as Kolada's public
//! API gives them (`values` → `kpi`, `municipality`, `period`, `values[gender, value]`).

use serde::{Deserialize, Serialize};

use super::indicators::Gender;

/// Nyckeltalsvärde: one value of one KPI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiValue {
    /// The KPI id ("N00945").
    pub kpi: String,
    /// The municipality's code ("2184").
    pub municipality: String,
    /// The period: a year ("2022").
    pub period: String,
    /// Whom it counts.
    pub gender: Gender,
    /// The value; `None` when Kolada has none.
    pub value: Option<f64>,
}

/// The values of `kpi` for `gender`, by period, skipping missing ones.
pub fn series(values: &[KpiValue], kpi: &str, gender: Gender) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = values
        .iter()
        .filter(|v| v.kpi == kpi && v.gender == gender)
        .filter_map(|v| v.value.map(|x| (v.period.clone(), x)))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_sorted_and_filtered() {
        let v = |p: &str, g, x| KpiValue {
            kpi: "N1".into(),
            municipality: "2184".into(),
            period: p.into(),
            gender: g,
            value: x,
        };
        let vals = vec![
            v("2022", Gender::Alla, Some(2.0)),
            v("2020", Gender::Alla, Some(1.0)),
            v("2021", Gender::Alla, None),
            v("2022", Gender::Kvinnor, Some(3.0)),
        ];
        assert_eq!(
            series(&vals, "N1", Gender::Alla),
            vec![("2020".into(), 1.0), ("2022".into(), 2.0)]
        );
        assert!(series(&vals, "N2", Gender::Alla).is_empty());
    }
}
