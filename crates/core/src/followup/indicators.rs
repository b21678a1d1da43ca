//! Indikatorer: the measures a goal is followed up with — values per year or period, by
//! gender, against a target — with a status and a trend that are suggested from the values
//! and can be overridden with a reason.
//!
//! In seed 003 the trend speaks of goal fulfilment, not of the raw value: waiting days
//! falling 56 → 51 (lower is better) is "Ökad", households on long-term assistance rising
//! 37,9 → 40,5 % (lower is better) is "Minskad". The suggestion follows that reading.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FollowUpError;

/// Kön: whom a value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Alla (Kolada "T").
    Alla,
    /// Kvinnor (Kolada "K").
    Kvinnor,
    /// Män (Kolada "M").
    #[serde(rename = "Män")]
    Man,
}

impl Gender {
    /// Reads "Alla", "Totalt", "T", "Kvinnor", "Kvinna", "K", "Män", "Man", "M".
    pub fn parse(text: &str) -> Option<Gender> {
        match text.trim().to_lowercase().as_str() {
            "alla" | "totalt" | "t" | "alla kön" => Some(Gender::Alla),
            "kvinnor" | "kvinna" | "k" => Some(Gender::Kvinnor),
            "män" | "man" | "m" => Some(Gender::Man),
            _ => None,
        }
    }

    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Gender::Alla => "Alla",
            Gender::Kvinnor => "Kvinnor",
            Gender::Man => "Män",
        }
    }
}

/// Status (bedömning av indikatorn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Accepterat värde: the target is met.
    #[serde(rename = "Accepterat värde")]
    Accepted,
    /// Nära värde: within the tolerance of the target.
    #[serde(rename = "Nära värde")]
    Near,
    /// Ej accepterat värde.
    #[serde(rename = "Ej accepterat värde")]
    NotAccepted,
    /// Inget värde angivet: no value, or no target to judge it by.
    #[serde(rename = "Inget värde angivet")]
    NoValue,
}

impl Status {
    /// The Swedish words.
    pub fn swedish(self) -> &'static str {
        match self {
            Status::Accepted => "Accepterat värde",
            Status::Near => "Nära värde",
            Status::NotAccepted => "Ej accepterat värde",
            Status::NoValue => "Inget värde angivet",
        }
    }

    /// Reads the Swedish words (case and spacing ignored).
    pub fn parse(text: &str) -> Option<Status> {
        let t = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        [
            Status::Accepted,
            Status::Near,
            Status::NotAccepted,
            Status::NoValue,
        ]
        .into_iter()
        .find(|s| s.swedish().to_lowercase() == t)
    }
}

/// Trend: the change of goal fulfilment since the previous value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Trend {
    /// Ökad måluppfyllelse.
    #[serde(rename = "Ökad")]
    Increased,
    /// Minskad måluppfyllelse.
    #[serde(rename = "Minskad")]
    Decreased,
    /// Oförändrad.
    #[serde(rename = "Oförändrad")]
    Unchanged,
}

impl Trend {
    /// The Swedish word.
    pub fn swedish(self) -> &'static str {
        match self {
            Trend::Increased => "Ökad",
            Trend::Decreased => "Minskad",
            Trend::Unchanged => "Oförändrad",
        }
    }

    /// Reads the Swedish word.
    pub fn parse(text: &str) -> Option<Trend> {
        match text.trim().to_lowercase().as_str() {
            "ökad" | "ökande" => Some(Trend::Increased),
            "minskad" | "minskande" => Some(Trend::Decreased),
            "oförändrad" => Some(Trend::Unchanged),
            _ => None,
        }
    }
}

/// Riktning: which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Högre är bättre (shares of satisfied users).
    HigherIsBetter,
    /// Lägre är bättre (sick leave, waiting days, costs).
    LowerIsBetter,
}

/// Källa: where the values come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum IndicatorSource {
    /// Egen mätning.
    #[default]
    Own,
    /// A Kolada KPI ("N00945").
    Kolada {
        /// The KPI id.
        kpi: String,
    },
}

/// Ändrad bedömning: a status or trend set by hand instead of the suggestion, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override<T> {
    /// The value chosen.
    pub value: T,
    /// Motivering.
    pub reason: String,
}

/// Indikator: one measure of a goal, for one gender.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Its name as reported.
    pub name: String,
    /// Unit ("%", "dagar", "kr/inv"), if known.
    #[serde(default)]
    pub unit: Option<String>,
    /// Whom the values count; `None` when the report does not say.
    pub gender: Option<Gender>,
    /// Values by period: "2020", "2023", "2023-08".
    pub values: BTreeMap<String, f64>,
    /// The target (målvärde).
    pub target: Option<f64>,
    /// The status as reported or set.
    pub status: Option<Status>,
    /// The trend as reported or set.
    pub trend: Option<Trend>,
    /// Which way is better, when known.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// How far from the target is still "Nära värde", in the indicator's unit.
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// Where the values come from.
    #[serde(default)]
    pub source: IndicatorSource,
    /// Status chosen by hand over the suggestion.
    #[serde(default)]
    pub status_override: Option<Override<Status>>,
    /// Trend chosen by hand over the suggestion.
    #[serde(default)]
    pub trend_override: Option<Override<Trend>>,
}

impl Indicator {
    /// An indicator with a name and nothing else.
    pub fn new(name: &str) -> Result<Indicator, FollowUpError> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(FollowUpError::Missing("indikatorns namn"));
        }
        Ok(Indicator {
            name,
            unit: None,
            gender: None,
            values: BTreeMap::new(),
            target: None,
            status: None,
            trend: None,
            direction: None,
            tolerance: None,
            source: IndicatorSource::Own,
            status_override: None,
            trend_override: None,
        })
    }

    /// The latest value and its period.
    pub fn latest(&self) -> Option<(&str, f64)> {
        self.values
            .iter()
            .next_back()
            .map(|(k, v)| (k.as_str(), *v))
    }

    /// The status the figures suggest (see [`suggest_status`]); without a direction
    /// nothing can be judged: Inget värde angivet.
    pub fn suggested_status(&self) -> Status {
        let Some(direction) = self.direction else {
            return Status::NoValue;
        };
        suggest_status(
            self.latest().map(|(_, v)| v),
            self.target,
            direction,
            self.tolerance.unwrap_or(0.0),
        )
    }

    /// The trend the figures suggest (see [`suggest_trend`]); `None` without a direction or
    /// with fewer than two values.
    pub fn suggested_trend(&self) -> Option<Trend> {
        let direction = self.direction?;
        let mut it = self.values.values().rev();
        let last = *it.next()?;
        let prev = *it.next()?;
        Some(suggest_trend(
            prev,
            last,
            direction,
            self.tolerance.unwrap_or(0.0),
        ))
    }

    /// The status that counts: the override, else the reported one, else the suggestion.
    pub fn effective_status(&self) -> Status {
        self.status_override
            .as_ref()
            .map(|o| o.value)
            .or(self.status)
            .unwrap_or_else(|| self.suggested_status())
    }

    /// The trend that counts: the override, else the reported one, else the suggestion.
    pub fn effective_trend(&self) -> Option<Trend> {
        self.trend_override
            .as_ref()
            .map(|o| o.value)
            .or(self.trend)
            .or_else(|| self.suggested_trend())
    }

    /// Sets the status by hand; a reason is required.
    pub fn override_status(&mut self, value: Status, reason: &str) -> Result<(), FollowUpError> {
        if reason.trim().is_empty() {
            return Err(FollowUpError::OverrideWithoutReason {
                what: "status",
                name: self.name.clone(),
            });
        }
        self.status_override = Some(Override {
            value,
            reason: reason.trim().to_string(),
        });
        Ok(())
    }

    /// Sets the trend by hand; a reason is required.
    pub fn override_trend(&mut self, value: Trend, reason: &str) -> Result<(), FollowUpError> {
        if reason.trim().is_empty() {
            return Err(FollowUpError::OverrideWithoutReason {
                what: "trend",
                name: self.name.clone(),
            });
        }
        self.trend_override = Some(Override {
            value,
            reason: reason.trim().to_string(),
        });
        Ok(())
    }
}

/// The status of `value` against `target`: met → Accepterat värde; missed by at most
/// `tolerance` → Nära värde; otherwise Ej accepterat värde; no value or no target → Inget
/// värde angivet.
pub fn suggest_status(
    value: Option<f64>,
    target: Option<f64>,
    direction: Direction,
    tolerance: f64,
) -> Status {
    let (Some(v), Some(t)) = (value, target) else {
        return Status::NoValue;
    };
    let shortfall = match direction {
        Direction::HigherIsBetter => t - v,
        Direction::LowerIsBetter => v - t,
    };
    if shortfall <= 0.0 {
        Status::Accepted
    } else if shortfall <= tolerance.abs() {
        Status::Near
    } else {
        Status::NotAccepted
    }
}

/// The trend from `previous` to `latest`: a change of at most `tolerance` is Oförändrad; a
/// change the better way is Ökad (måluppfyllelse), the worse way Minskad.
pub fn suggest_trend(previous: f64, latest: f64, direction: Direction, tolerance: f64) -> Trend {
    let change = latest - previous;
    if change.abs() <= tolerance.abs() {
        return Trend::Unchanged;
    }
    let better = match direction {
        Direction::HigherIsBetter => change > 0.0,
        Direction::LowerIsBetter => change < 0.0,
    };
    if better {
        Trend::Increased
    } else {
        Trend::Decreased
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(values: &[(&str, f64)], target: Option<f64>, dir: Direction, tol: f64) -> Indicator {
        let mut i = Indicator::new("Test").unwrap();
        i.values = values.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        i.target = target;
        i.direction = Some(dir);
        i.tolerance = Some(tol);
        i
    }

    #[test]
    fn status_from_seed_003() {
        // Hygienrutiner 67 % against 100 %: Ej accepterat värde (003:786).
        let i = ind(
            &[
                ("2020", 50.0),
                ("2021", 78.0),
                ("2022", 69.0),
                ("2023", 67.0),
            ],
            Some(100.0),
            Direction::HigherIsBetter,
            5.0,
        );
        assert_eq!(i.suggested_status(), Status::NotAccepted);
        // Tillräckligt med tid 84 % against 85 %: Nära värde (003:870).
        let i = ind(
            &[("2020", 87.0), ("2022", 84.0)],
            Some(85.0),
            Direction::HigherIsBetter,
            5.0,
        );
        assert_eq!(i.suggested_status(), Status::Near);
        // Without a target: Inget värde angivet (003:771).
        let i = ind(&[("2023", 9.5)], None, Direction::LowerIsBetter, 0.5);
        assert_eq!(i.suggested_status(), Status::NoValue);
        assert_eq!(
            suggest_status(None, Some(1.0), Direction::HigherIsBetter, 0.0),
            Status::NoValue
        );
        assert_eq!(
            suggest_status(Some(1.0), Some(1.0), Direction::HigherIsBetter, 0.0),
            Status::Accepted
        );
        assert_eq!(
            suggest_status(Some(5.0), Some(6.4), Direction::LowerIsBetter, 0.5),
            Status::Accepted
        );
        assert_eq!(
            suggest_status(Some(6.8), Some(6.4), Direction::LowerIsBetter, 0.5),
            Status::Near
        );
        assert_eq!(
            suggest_status(Some(7.0), Some(6.4), Direction::LowerIsBetter, 0.5),
            Status::NotAccepted
        );
    }

    #[test]
    fn trend_from_seed_003() {
        // Hygienrutiner 69 → 67, higher is better: Minskad (003:786).
        let i = ind(
            &[("2022", 69.0), ("2023", 67.0)],
            Some(100.0),
            Direction::HigherIsBetter,
            0.0,
        );
        assert_eq!(i.suggested_trend(), Some(Trend::Decreased));
        // Väntetid 56 → 51 dagar, lower is better: Ökad (003:796).
        let i = ind(
            &[("2020", 82.0), ("2021", 56.0), ("2022", 51.0)],
            None,
            Direction::LowerIsBetter,
            0.0,
        );
        assert_eq!(i.suggested_trend(), Some(Trend::Increased));
        // Long-term assistance 37,9 → 40,5 %, lower is better: Minskad (003:831).
        let i = ind(
            &[("2021", 37.9), ("2022", 40.5)],
            Some(20.0),
            Direction::LowerIsBetter,
            0.5,
        );
        assert_eq!(i.suggested_trend(), Some(Trend::Decreased));
        assert_eq!(
            suggest_trend(10.0, 10.3, Direction::HigherIsBetter, 0.5),
            Trend::Unchanged
        );
        assert_eq!(
            ind(&[("2022", 1.0)], None, Direction::HigherIsBetter, 0.0).suggested_trend(),
            None
        );
    }

    #[test]
    fn no_suggestion_without_a_direction() {
        let mut i = ind(
            &[("2022", 10.2), ("2023", 9.5)],
            Some(8.0),
            Direction::LowerIsBetter,
            0.0,
        );
        assert_eq!(i.suggested_trend(), Some(Trend::Increased));
        i.direction = None;
        assert_eq!(i.suggested_trend(), None);
        assert_eq!(i.suggested_status(), Status::NoValue);
    }

    #[test]
    fn overrides_need_a_reason_and_win() {
        let mut i = ind(
            &[("2022", 69.0), ("2023", 67.0)],
            Some(100.0),
            Direction::HigherIsBetter,
            0.0,
        );
        assert_eq!(i.effective_status(), Status::NotAccepted);
        assert!(matches!(
            i.override_status(Status::Near, "  "),
            Err(FollowUpError::OverrideWithoutReason { .. })
        ));
        i.override_status(
            Status::Near,
            "Mätningen gjordes under en smittspridningsperiod",
        )
        .unwrap();
        assert_eq!(i.effective_status(), Status::Near);
        assert!(i.override_trend(Trend::Unchanged, "").is_err());
        i.override_trend(Trend::Unchanged, "Skillnaden ligger inom felmarginalen")
            .unwrap();
        assert_eq!(i.effective_trend(), Some(Trend::Unchanged));
        // A reported status counts over the suggestion, the override over both.
        let mut j = ind(
            &[("2023", 67.0)],
            Some(100.0),
            Direction::HigherIsBetter,
            0.0,
        );
        j.status = Some(Status::NoValue);
        assert_eq!(j.effective_status(), Status::NoValue);
    }

    #[test]
    fn words_round_trip() {
        for s in [
            Status::Accepted,
            Status::Near,
            Status::NotAccepted,
            Status::NoValue,
        ] {
            assert_eq!(Status::parse(s.swedish()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.swedish().into())
            );
        }
        for t in [Trend::Increased, Trend::Decreased, Trend::Unchanged] {
            assert_eq!(Trend::parse(t.swedish()), Some(t));
        }
        assert_eq!(Gender::parse("T"), Some(Gender::Alla));
        assert_eq!(Gender::parse("K"), Some(Gender::Kvinnor));
        assert_eq!(Gender::parse("Män"), Some(Gender::Man));
        assert_eq!(
            serde_json::to_value(Gender::Man).unwrap(),
            serde_json::Value::String("Män".into())
        );
        assert_eq!(Gender::parse("x"), None);
    }
}
