//! A date tied to the calendar ([`Cal`]) and its two outward forms: the
//! TIMEX3 value string (`2013-W12`, `2013-03-22TMO`, `199` for the 1990s) and the
//! [`Interval`] of days it covers.

use chrono::{Datelike, NaiveDate};

use super::calendar::{half_days, iso_week, month_end, quarter_days, season_days, week_days, ymd};
use super::sem::Tod;
use super::{Interval, Precision};

/// The granularity of a resolved date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gran {
    /// One day.
    Day,
    /// An ISO week.
    Week,
    /// The weekend of an ISO week.
    Weekend,
    /// A month.
    Month,
    /// Quarter 1-4.
    Quarter(u8),
    /// Half 1-2.
    Half(u8),
    /// Season `SP`, `SU`, `FA`, `WI` of the year.
    Season(&'static str),
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A resolved calendar date: a granularity, a day inside the period (for
/// periods the first day; for seasons a day of the naming year), and a
/// time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cal {
    /// The granularity.
    pub gran: Gran,
    /// A day that fixes the period.
    pub day: NaiveDate,
    /// Time of day, for TIME values.
    pub tod: Option<Tod>,
}

impl Cal {
    /// A period of granularity `gran` around `day`.
    pub(crate) fn new(gran: Gran, day: NaiveDate) -> Cal {
        Cal {
            gran,
            day,
            tod: None,
        }
    }

    /// The TIMEX3 value.
    pub(crate) fn value(&self) -> String {
        let d = self.day;
        let y = d.year();
        let mut v = match self.gran {
            Gran::Day => format!("{:04}-{:02}-{:02}", y, d.month(), d.day()),
            Gran::Week => iso_week(d),
            Gran::Weekend => format!("{}-WE", iso_week(d)),
            Gran::Month => format!("{:04}-{:02}", y, d.month()),
            Gran::Quarter(q) => format!("{y:04}-Q{q}"),
            Gran::Half(h) => format!("{y:04}-H{h}"),
            Gran::Season(s) => format!("{y:04}-{s}"),
            Gran::Year => format!("{y:04}"),
            // TimeML writes a decade as the year with its last digit cut off
            // (ISO 8601 truncation): "the 1990s" is `199`, as a century is `19`.
            Gran::Decade => format!("{:03}", y.div_euclid(10)),
            Gran::Century => format!("{:02}", y.div_euclid(100)),
        };
        match self.tod {
            Some(Tod::Part(p)) => {
                v.push('T');
                v.push_str(p);
            }
            Some(Tod::Clock(h, m)) => {
                v.push_str(&format!("T{h:02}:{m:02}"));
            }
            None => {}
        }
        v
    }

    /// The days the date covers.
    pub(crate) fn interval(&self) -> Option<Interval> {
        let d = self.day;
        let y = d.year();
        let (first, last, precision) = match self.gran {
            Gran::Day => (d, d, Precision::Day),
            Gran::Week => {
                let (a, b) = week_days(d)?;
                (a, b, Precision::Week)
            }
            // Its two days, known to the day (not the whole ISO week).
            Gran::Weekend => {
                let (_, sun) = week_days(d)?;
                (sun.pred_opt()?, sun, Precision::Day)
            }
            Gran::Month => (
                ymd(y, d.month(), 1)?,
                month_end(y, d.month())?,
                Precision::Month,
            ),
            Gran::Quarter(q) => {
                let (a, b) = quarter_days(y, q)?;
                (a, b, Precision::Quarter)
            }
            Gran::Half(h) => {
                let (a, b) = half_days(y, h)?;
                (a, b, Precision::Half)
            }
            Gran::Season(s) => {
                let (a, b) = season_days(y, s)?;
                (a, b, Precision::Season)
            }
            Gran::Year => (ymd(y, 1, 1)?, ymd(y, 12, 31)?, Precision::Year),
            Gran::Decade => {
                let s = y - y.rem_euclid(10);
                (ymd(s, 1, 1)?, ymd(s + 9, 12, 31)?, Precision::Decade)
            }
            Gran::Century => {
                let s = y - y.rem_euclid(100);
                (ymd(s, 1, 1)?, ymd(s + 99, 12, 31)?, Precision::Century)
            }
        };
        Some(Interval {
            first,
            last,
            precision,
        })
    }

    /// Whether this is a TIME (it has a time of day).
    pub(crate) fn is_time(&self) -> bool {
        self.tod.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        ymd(y, m, d).unwrap()
    }

    #[test]
    fn values() {
        let d = day(2013, 3, 22);
        assert_eq!(Cal::new(Gran::Day, d).value(), "2013-03-22");
        assert_eq!(Cal::new(Gran::Week, d).value(), "2013-W12");
        assert_eq!(Cal::new(Gran::Quarter(1), d).value(), "2013-Q1");
        assert_eq!(Cal::new(Gran::Season("SP"), d).value(), "2013-SP");
        assert_eq!(Cal::new(Gran::Decade, day(2013, 1, 1)).value(), "201");
        assert_eq!(Cal::new(Gran::Century, day(1950, 1, 1)).value(), "19");
        let t = Cal {
            gran: Gran::Day,
            day: d,
            tod: Some(Tod::Part("MO")),
        };
        assert_eq!(t.value(), "2013-03-22TMO");
        let t = Cal {
            gran: Gran::Day,
            day: d,
            tod: Some(Tod::Clock(14, 30)),
        };
        assert_eq!(t.value(), "2013-03-22T14:30");
    }

    #[test]
    fn intervals() {
        let i = Cal::new(Gran::Season("WI"), day(2024, 12, 1))
            .interval()
            .unwrap();
        assert_eq!((i.first, i.last), (day(2024, 12, 1), day(2025, 2, 28)));
        let i = Cal::new(Gran::Week, day(2025, 2, 13)).interval().unwrap();
        assert_eq!((i.first, i.last), (day(2025, 2, 10), day(2025, 2, 16)));
        let i = Cal::new(Gran::Decade, day(1990, 1, 1)).interval().unwrap();
        assert_eq!(i.precision, Precision::Decade);
        assert_eq!(i.last, day(1999, 12, 31));
    }
}
