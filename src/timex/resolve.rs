//! Normalization: turns a [`Sem`] into a TIMEX3 value and an interval, using
//! the reference date (DCT), the tense around the expression and the dates
//! mentioned before it (for "six days later", "a year earlier", "in
//! October" after "mid-June, 2024").

use chrono::{Datelike, NaiveDate};

use super::calendar::{
    add_days, add_months, holiday_in, quarter_of, week_start, weekday_on_or_after,
    weekday_on_or_before, ymd,
};
use super::sem::Tense;
use super::sem::{Base, Pick, Sem, Tod, Unit};
use super::value::{Cal, Gran};
use super::{Anchor, Interval, TimexType};

/// A normalized expression.
#[derive(Clone, Debug)]
pub(crate) struct Out {
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// Explicit or relative.
    pub anchor: Anchor,
    /// Days covered.
    pub interval: Option<Interval>,
    /// The calendar date, for the context.
    pub cal: Option<Cal>,
    /// Whether a quarter here becomes the one in focus ("the year-ago
    /// quarter" does not).
    pub focus: bool,
}

/// What the resolver remembers while it walks the text.
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    /// The reference date.
    pub dct: Option<NaiveDate>,
    /// The last date resolved, with its sentence number.
    pub last: Option<(usize, Cal)>,
    /// The year of the last date that stated its year, with its sentence.
    pub sent_year: Option<(usize, i32)>,
    /// The last quarter in focus, with its sentence number.
    pub last_quarter: Option<(usize, Cal)>,
    /// The sentence being resolved.
    pub sentence: usize,
    /// The last days of a month stated with their year in the text, newest
    /// first: a later bare "Jan. 6" repeating "the Jan. 6, 2021, attack"
    /// means the same day.
    pub told_days: ToldDays,
}

/// The last few days stated with a year (month, day, year), newest first.
pub type ToldDays = [Option<(u8, u8, i32)>; 4];

/// How far (days) from the reference date a bare day of a month may fall
/// before an earlier statement of the same day with a year wins over it:
/// near the reference date the current year's day is meant ("on Feb. 24"
/// in an anniversary story).
const TOLD_DAY_REACH: i64 = 45;

/// How many sentences back a quarter still makes "a year ago" mean that
/// quarter a year before (financial news: "$5 a share, up from $4 a year ago").
const QUARTER_SENTENCES: usize = 3;

/// How many sentences back an earlier date still anchors "six days
/// later" or "a year earlier".
const REF_SENTENCES: usize = 1;

/// How many sentences back an earlier date still anchors the anaphors of a
/// narrative, "the next morning", "the following month", "that day": they
/// cannot mean the reference date's neighbours while a story date stands.
const NARRATIVE_SENTENCES: usize = 4;

impl Ctx {
    /// The date "later"/"earlier" count from: the last date in this or a
    /// recent sentence, else the DCT.
    pub(crate) fn reference(&self) -> Option<Cal> {
        self.reference_within(REF_SENTENCES)
    }

    /// The last date told at most `n` sentences back, else the DCT.
    fn reference_within(&self, n: usize) -> Option<Cal> {
        match self.last {
            Some((s, cal)) if self.sentence - s <= n => Some(cal),
            _ => self.dct.map(|d| Cal::new(Gran::Day, d)),
        }
    }

    /// The year stated earlier in the same sentence.
    pub(crate) fn sentence_year(&self) -> Option<i32> {
        match self.sent_year {
            Some((s, y)) if s == self.sentence => Some(y),
            _ => None,
        }
    }

    /// The year an earlier sentence stated for this day of a month.
    fn told_year(&self, month: u8, day: u8) -> Option<i32> {
        self.told_days
            .iter()
            .flatten()
            .find(|(m, d, _)| *m == month && *d == day)
            .map(|(_, _, y)| *y)
    }

    /// Records a resolved date.
    pub(crate) fn remember(&mut self, out: &Out) {
        let Some(cal) = out.cal else { return };
        self.last = Some((self.sentence, cal));
        // Results are told of quarters that have ended: "into the fourth
        // quarter" (still running at the DCT) is no quarter in focus.
        let ended = match (self.dct, cal.interval()) {
            (Some(d), Some(iv)) => iv.last < d,
            _ => true,
        };
        if matches!(cal.gran, Gran::Quarter(_)) && out.focus && ended {
            self.last_quarter = Some((self.sentence, cal));
        }
        if out.anchor == Anchor::Explicit && matches!(cal.gran, Gran::Day | Gran::Month) {
            self.sent_year = Some((self.sentence, cal.day.year()));
        }
        if out.anchor == Anchor::Explicit && matches!(cal.gran, Gran::Day) {
            let told = (cal.day.month() as u8, cal.day.day() as u8, cal.day.year());
            if !self.told_days.contains(&Some(told)) {
                self.told_days.rotate_right(1);
                self.told_days[0] = Some(told);
            }
        }
    }
}

pub(crate) fn out_cal(cal: Cal, anchor: Anchor) -> Out {
    Out {
        kind: if cal.is_time() {
            TimexType::Time
        } else {
            TimexType::Date
        },
        value: cal.value(),
        anchor,
        interval: cal.interval(),
        cal: Some(cal),
        focus: true,
    }
}

pub(crate) fn out_text(kind: TimexType, value: String) -> Out {
    Out {
        kind,
        value,
        anchor: Anchor::Relative,
        interval: None,
        cal: None,
        focus: true,
    }
}

fn with_tod(mut cal: Cal, tod: Option<Tod>) -> Cal {
    cal.tod = tod;
    cal
}

fn tod_suffix(tod: Option<Tod>) -> String {
    match tod {
        Some(Tod::Part(p)) => format!("T{p}"),
        Some(Tod::Clock(h, m)) => format!("T{h:02}:{m:02}"),
        None => String::new(),
    }
}

/// Distance in days from `dct` to the interval `a..=b` (0 inside).
fn distance(dct: NaiveDate, a: NaiveDate, b: NaiveDate) -> i64 {
    if dct < a {
        (a - dct).num_days()
    } else if dct > b {
        (dct - b).num_days()
    } else {
        0
    }
}

/// How far from the DCT (in days) a date picked by tense may lie: "began
/// in March" said in mid-February is the March before, "will begin on
/// Jan. 20" said then is the January after, both within a year.
const TENSE_REACH_DAYS: i64 = 366;

/// The reach of a past tense, except for a month named right after a past
/// verb: a past verb before a day or month a few weeks ahead mostly sets a
/// deadline or a plan ("extended the offer to Nov. 20", "decided to admit
/// them in early March"), so beyond about ten months back the nearest wins.
const PAST_REACH_DAYS: i64 = 300;

/// Picks among periods of years y-1, y, y+1 (given by `span`) by tense and
/// nearness to the DCT.
pub(crate) fn pick_year(
    dct: NaiveDate,
    tense: Tense,
    pick: Pick,
    span: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<i32> {
    let y = dct.year();
    let cands: Vec<(i32, NaiveDate, NaiveDate)> = (y - 1..=y + 1)
        .filter_map(|yy| span(yy).map(|(a, b)| (yy, a, b)))
        .collect();
    match pick {
        Pick::Last => cands.iter().rev().find(|c| c.2 < dct).map(|c| c.0),
        Pick::Next => cands.iter().find(|c| c.1 > dct).map(|c| c.0),
        Pick::This => Some(y),
        Pick::Plain => {
            let nearest = cands
                .iter()
                .min_by_key(|c| distance(dct, c.1, c.2))
                .map(|c| c.0);
            let past = cands.iter().rev().find(|c| c.1 <= dct);
            let future = cands.iter().find(|c| c.2 >= dct);
            let by_tense = match tense {
                Tense::Future => future.map(|c| c.0),
                Tense::Past | Tense::PastVerb => past.map(|c| c.0),
                // News tells of the past more than of the future: without a
                // tense cue a past date wins unless it is twice as far.
                Tense::Unknown => match (past, future) {
                    (Some(p), Some(f)) => {
                        if distance(dct, p.1, p.2) <= 2 * distance(dct, f.1, f.2) {
                            Some(p.0)
                        } else {
                            Some(f.0)
                        }
                    }
                    _ => nearest,
                },
            };
            // Tense may point far away; trust it within a year.
            match (by_tense, nearest) {
                (Some(t), Some(n)) if t != n => {
                    let c = cands.iter().find(|c| c.0 == t)?;
                    let reach = match tense {
                        Tense::Past => PAST_REACH_DAYS,
                        Tense::PastVerb if c.1 == c.2 => PAST_REACH_DAYS,
                        _ => TENSE_REACH_DAYS,
                    };
                    if distance(dct, c.1, c.2) <= reach {
                        Some(t)
                    } else {
                        Some(n)
                    }
                }
                (t, n) => t.or(n),
            }
        }
    }
}

/// Normalizes one expression. `tense` is computed lazily.
pub(crate) fn resolve(sem: &Sem, ctx: &Ctx, tense: &mut dyn FnMut() -> Tense) -> Option<Out> {
    use Anchor::{Explicit, Relative};
    let dct = ctx.dct;
    match sem {
        Sem::Fixed { kind, value } => Some(out_text(*kind, (*value).to_string())),
        Sem::Duration(v) => Some(out_text(TimexType::Duration, v.clone())),
        Sem::Set(v) => Some(out_text(TimexType::Set, v.clone())),
        Sem::Decade(d) => Some(out_cal(Cal::new(Gran::Decade, ymd(*d, 1, 1)?), Explicit)),
        Sem::Century(c) => Some(out_cal(
            Cal::new(Gran::Century, ymd(c * 100, 1, 1)?),
            Explicit,
        )),
        Sem::Date {
            year,
            month,
            day,
            tod,
        } => {
            if let Some(y) = year {
                let cal = match (month, day) {
                    (Some(m), Some(d)) => {
                        Cal::new(Gran::Day, ymd(*y, u32::from(*m), u32::from(*d))?)
                    }
                    (Some(m), None) => Cal::new(Gran::Month, ymd(*y, u32::from(*m), 1)?),
                    _ => Cal::new(Gran::Year, ymd(*y, 1, 1)?),
                };
                return Some(out_cal(with_tod(cal, *tod), Explicit));
            }
            let m = u32::from((*month)?);
            // The year of a date stated earlier in the sentence, unless the
            // tense says otherwise ("in July 1997 ... will join on March 12").
            let sentence_year = ctx.sentence_year().filter(|&y| match dct {
                Some(d) => match tense() {
                    Tense::Future => y >= d.year(),
                    Tense::Past | Tense::PastVerb => y <= d.year(),
                    Tense::Unknown => true,
                },
                None => true,
            });
            // "the Jan. 6, 2021, attack ... ahead of the Jan. 6 riot": a day
            // told with its year before, unless the day is near the DCT.
            let told = day.and_then(|d| ctx.told_year(m as u8, d)).filter(|&y| {
                let near = |yy: i32| {
                    let x = ymd(yy, m, u32::from(day.unwrap_or(1)));
                    match (x, dct) {
                        (Some(x), Some(dct)) => (x - dct).num_days().abs() <= TOLD_DAY_REACH,
                        _ => false,
                    }
                };
                sentence_year.is_none() && !near(dct.map_or(y, |d| d.year()))
            });
            let y = match told.or(sentence_year) {
                Some(y) => Some(y),
                None => dct.and_then(|dct| {
                    pick_year(dct, tense(), Pick::Plain, |yy| match day {
                        Some(d) => {
                            let x = ymd(yy, m, u32::from(*d))?;
                            Some((x, x))
                        }
                        None => Some((ymd(yy, m, 1)?, super::calendar::month_end(yy, m)?)),
                    })
                }),
            };
            let Some(y) = y else {
                let v = match day {
                    Some(d) => format!("XXXX-{m:02}-{d:02}{}", tod_suffix(*tod)),
                    None => format!("XXXX-{m:02}"),
                };
                return Some(out_text(TimexType::Date, v));
            };
            let cal = match day {
                Some(d) => Cal::new(Gran::Day, ymd(y, m, u32::from(*d))?),
                None => Cal::new(Gran::Month, ymd(y, m, 1)?),
            };
            Some(out_cal(with_tod(cal, *tod), Relative))
        }
        Sem::Weekday {
            wd,
            pick,
            base,
            tod,
        } => {
            let Some(dct) = dct else {
                return Some(out_text(
                    TimexType::Date,
                    format!("XXXX-WXX-{wd}{}", tod_suffix(*tod)),
                ));
            };
            // "the previous Friday" is the Friday before the day the story
            // is at: the last day named, however far back, else the DCT.
            let from = match (base, ctx.last) {
                (Base::Ref, Some((_, c))) if c.gran == Gran::Day => c.day,
                _ => dct,
            };
            let day = match pick {
                Pick::Last if *base == Base::Ref => weekday_on_or_before(from, *wd, true)?,
                Pick::Next if *base == Base::Ref => weekday_on_or_after(from, *wd, true)?,
                Pick::Last => weekday_on_or_before(dct, *wd, true)?,
                Pick::Next => weekday_on_or_after(dct, *wd, true)?,
                Pick::This => {
                    if tense() == Tense::Future {
                        weekday_on_or_after(dct, *wd, false)?
                    } else {
                        add_days(week_start(dct)?, i64::from(*wd) - 1)?
                    }
                }
                Pick::Plain => match tense() {
                    Tense::Future => weekday_on_or_after(dct, *wd, false)?,
                    _ => weekday_on_or_before(dct, *wd, false)?,
                },
            };
            Some(out_cal(with_tod(Cal::new(Gran::Day, day), *tod), Relative))
        }
        Sem::Month { month, pick, yoff } => {
            let Some(dct) = dct else {
                return Some(out_text(TimexType::Date, format!("XXXX-{month:02}")));
            };
            let m = u32::from(*month);
            let mut y = match yoff {
                Some(off) => dct.year() + off,
                None => pick_year(dct, tense(), *pick, |yy| {
                    Some((ymd(yy, m, 1)?, super::calendar::month_end(yy, m)?))
                })?,
            };
            // The month that just ended is "last month"; "last February"
            // said in March names the February of the year before.
            if yoff.is_none() && *pick == Pick::Last && y == dct.year() && m + 1 == dct.month() {
                y -= 1;
            }
            Some(out_cal(Cal::new(Gran::Month, ymd(y, m, 1)?), Relative))
        }
        Sem::Period {
            year,
            yrel,
            part,
            pick,
        } => super::periods::resolve_period(*year, *yrel, *part, *pick, ctx, tense),
        Sem::Weekend { pick } => {
            let Some(dct) = dct else {
                return Some(out_text(TimexType::Date, "XXXX-WXX-WE".to_string()));
            };
            let sat = match pick {
                // The weekend before the DCT's week: said on a Sunday, "last
                // weekend" is not the one under way.
                Pick::Last => weekday_on_or_before(add_days(week_start(dct)?, -1)?, 6, false)?,
                Pick::Next => weekday_on_or_after(dct, 6, true)?,
                Pick::This => add_days(week_start(dct)?, 5)?,
                Pick::Plain => match tense() {
                    Tense::Future => weekday_on_or_after(add_days(dct, -1)?, 6, false)?,
                    _ => weekday_on_or_before(dct, 7, false).and_then(|sun| add_days(sun, -1))?,
                },
            };
            Some(out_cal(Cal::new(Gran::Weekend, sat), Relative))
        }
        Sem::Holiday { rule, year, pick } => {
            if let Some(y) = year {
                return Some(out_cal(
                    Cal::new(Gran::Day, holiday_in(*rule, *y)?),
                    Explicit,
                ));
            }
            let dct = dct?;
            let y = pick_year(dct, tense(), *pick, |yy| {
                let d = holiday_in(*rule, yy)?;
                Some((d, d))
            })?;
            Some(out_cal(
                Cal::new(Gran::Day, holiday_in(*rule, y)?),
                Relative,
            ))
        }
        Sem::Clock { tod } => {
            let day = match ctx.last {
                Some((s, c)) if s == ctx.sentence && c.gran == Gran::Day => Some(c.day),
                _ => dct,
            };
            let Some(day) = day else {
                return Some(out_text(
                    TimexType::Time,
                    format!("XXXX-XX-XX{}", tod_suffix(Some(*tod))),
                ));
            };
            Some(out_cal(
                with_tod(Cal::new(Gran::Day, day), Some(*tod)),
                Relative,
            ))
        }
        Sem::Offset {
            unit,
            n,
            base,
            tod,
            exact,
        } => resolve_offset(*unit, *n, *base, *tod, *exact, ctx),
        Sem::DaysFrom(day, n) => {
            let inner = resolve(day, ctx, tense)?;
            match inner.cal {
                Some(c) if c.gran == Gran::Day => Some(out_cal(
                    Cal::new(Gran::Day, add_days(c.day, i64::from(*n))?),
                    inner.anchor,
                )),
                _ => Some(inner),
            }
        }
        Sem::DayOfMonth(d) => {
            // The month of the last day the story gave, a few sentences
            // back at most; with none, no date.
            let (_, c) = ctx
                .last
                .filter(|(s, c)| ctx.sentence - s <= NARRATIVE_SENTENCES && c.gran == Gran::Day)?;
            let day = ymd(c.day.year(), c.day.month(), u32::from(*d))?;
            Some(out_cal(Cal::new(Gran::Day, day), Relative))
        }
        Sem::InPeriod { inner, unit, off } => {
            let Some(dct) = dct else {
                return resolve(inner, ctx, tense);
            };
            let day = match (inner.as_ref(), unit) {
                (Sem::Weekday { wd, .. }, Unit::Week) => {
                    add_days(week_start(dct)?, 7 * i64::from(*off) + i64::from(*wd) - 1)?
                }
                (
                    Sem::Date {
                        month: Some(m),
                        day: Some(d),
                        ..
                    },
                    Unit::Year,
                ) => ymd(dct.year() + off, u32::from(*m), u32::from(*d))?,
                _ => return resolve(inner, ctx, tense),
            };
            let tod = match inner.as_ref() {
                Sem::Weekday { tod, .. } | Sem::Date { tod, .. } => *tod,
                _ => None,
            };
            Some(out_cal(with_tod(Cal::new(Gran::Day, day), tod), Relative))
        }
        Sem::WeekOf(day) => {
            let inner = resolve(day, ctx, tense)?;
            match inner.cal {
                Some(c) if c.gran == Gran::Day => {
                    Some(out_cal(Cal::new(Gran::Week, c.day), inner.anchor))
                }
                _ => Some(inner),
            }
        }
    }
}

fn resolve_offset(
    unit: Unit,
    n: i32,
    base: Base,
    tod: Option<Tod>,
    exact: bool,
    ctx: &Ctx,
) -> Option<Out> {
    // "two days later", "two months on" count forward from the last date
    // the text gave, however far back: they never mean the DCT's future.
    let window = if exact && n > 0 && base == Base::Ref {
        usize::MAX
    } else if exact {
        REF_SENTENCES
    } else {
        NARRATIVE_SENTENCES
    };
    let refc = match base {
        Base::Dct => ctx.dct.map(|d| Cal::new(Gran::Day, d)),
        Base::Ref => ctx.reference_within(window),
        Base::Sentence => match ctx.sentence_year() {
            Some(y) => ymd(y, 1, 1).map(|d| Cal::new(Gran::Year, d)),
            None => ctx.dct.map(|d| Cal::new(Gran::Day, d)),
        },
    };
    // Whether an earlier date of the text anchors the offset (rather than
    // the DCT standing in for one).
    let anchored =
        base == Base::Ref && matches!(ctx.last, Some((s, _)) if ctx.sentence - s <= window);
    let Some(refc) = refc else {
        let v = match unit {
            Unit::Year => "XXXX".to_string(),
            Unit::Month => "XXXX-XX".to_string(),
            Unit::Week => "XXXX-WXX".to_string(),
            _ => format!("XXXX-XX-XX{}", tod_suffix(tod)),
        };
        return Some(out_text(TimexType::Date, v));
    };
    let d = refc.day;
    let cal = match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Cal::new(Gran::Day, ctx.dct?),
        Unit::Day => {
            if refc.gran != Gran::Day {
                Cal::new(Gran::Day, add_days(ctx.dct?, i64::from(n))?)
            } else {
                Cal::new(Gran::Day, add_days(d, i64::from(n))?)
            }
        }
        Unit::Week | Unit::Fortnight => {
            let k = if unit == Unit::Fortnight { 2 * n } else { n };
            let day = add_days(d, 7 * i64::from(k))?;
            // "a week ago" is a day; "six weeks ago" only a week.
            if exact && k.abs() <= 2 {
                Cal::new(Gran::Day, day)
            } else {
                Cal::new(Gran::Week, day)
            }
        }
        Unit::Weekend => {
            let sat = add_days(week_start(add_days(d, 7 * i64::from(n))?)?, 5)?;
            Cal::new(Gran::Weekend, sat)
        }
        Unit::Month => Cal::new(Gran::Month, add_months(ymd(d.year(), d.month(), 1)?, n)?),
        Unit::Quarter => {
            let q = quarter_of(d.month());
            let first = ymd(d.year(), u32::from(q) * 3 - 2, 1)?;
            let f = add_months(first, 3 * n)?;
            Cal::new(Gran::Quarter(quarter_of(f.month())), f)
        }
        Unit::Year => {
            // "a year earlier" shifts the date in focus at its own grain;
            // "a year ago" next to a quarter means that quarter last year.
            let quarter = match ctx.last_quarter {
                Some((s, c)) if exact && ctx.sentence - s <= QUARTER_SENTENCES => Some(c),
                _ => None,
            };
            let focus = match base {
                Base::Ref if anchored => quarter.or(Some(refc)),
                _ => quarter,
            };
            match focus {
                Some(c) if exact && (c.gran != Gran::Day || base == Base::Ref) => {
                    let y = c.day.year() + n;
                    let day =
                        ymd(y, c.day.month(), c.day.day()).or_else(|| ymd(y, c.day.month(), 28))?;
                    Cal::new(c.gran, day)
                }
                Some(c) if !exact => Cal::new(Gran::Year, ymd(c.day.year() + n, 1, 1)?),
                _ => Cal::new(Gran::Year, ymd(d.year() + n, 1, 1)?),
            }
        }
        Unit::Decade => {
            let y = d.year() - d.year().rem_euclid(10) + 10 * n;
            Cal::new(Gran::Decade, ymd(y, 1, 1)?)
        }
        Unit::Century | Unit::Millennium => {
            let y = d.year() - d.year().rem_euclid(100) + 100 * n;
            Cal::new(Gran::Century, ymd(y, 1, 1)?)
        }
    };
    let mut out = out_cal(with_tod(cal, tod), Anchor::Relative);
    out.focus = false;
    Some(out)
}

#[cfg(test)]
mod tests {
    use crate::timex::test_util::found;

    fn value(text: &str, dct: (i32, u32, u32)) -> String {
        found(text, dct)
            .first()
            .map(|f| f.1.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_day_told_with_its_year_keeps_it_when_repeated_without() {
        let f = found(
            "Accounts were shut after the March 9, 2021, riot. One was shut ahead of the March 9 riot.",
            (2022, 6, 2),
        );
        assert_eq!(f[1], ("March 9".into(), "2021-03-09".into()));
        // Near the reference date the current year's day is meant.
        let f = found(
            "The war began on May 20, 2022. On May 20 crowds gathered again.",
            (2025, 5, 21),
        );
        assert_eq!(f[1], ("May 20".into(), "2025-05-20".into()));
    }

    #[test]
    fn a_plan_being_considered_looks_ahead() {
        let s = "The envoy was considering extending his tour to Oman in June.";
        assert_eq!(value(s, (2022, 4, 22)), "2022-06");
    }

    #[test]
    fn last_weekend_said_on_a_sunday_is_the_one_before() {
        // 2025-03-23 is a Sunday, 2025-03-19 a Wednesday.
        let s = "Drones hit the depot last weekend.";
        assert_eq!(value(s, (2025, 3, 23)), "2025-W11-WE");
        assert_eq!(value(s, (2025, 3, 19)), "2025-W11-WE");
    }

    #[test]
    fn a_month_or_day_without_a_year_follows_the_tense_within_a_year() {
        // Said in mid-February: a past verb reaches back to last spring.
        let s = "The siege of the port began in April.";
        assert_eq!(value(s, (2025, 2, 14)), "2024-04");
        let s = "The new session will open on Jan. 9.";
        assert_eq!(value(s, (2025, 2, 14)), "2026-01-09");
        // A day just ahead after a past verb is a deadline, not last year.
        let s = "The bank extended the offer to Feb. 28.";
        assert_eq!(value(s, (2025, 2, 14)), "2025-02-28");
    }

    #[test]
    fn weekdays_follow_the_tense_of_the_clause_that_governs_them() {
        // 2025-08-14 is a Thursday, 2025-06-10 a Tuesday.
        let s = "Delegations arrive ahead of a widely awaited Saturday summit.";
        assert_eq!(value(s, (2025, 8, 14)), "2025-08-16");
        let s = "Saturday's summit will be short.";
        assert_eq!(value(s, (2025, 8, 14)), "2025-08-16");
        let s = "The raid follows the start of a handover on Monday that will free forty men.";
        assert_eq!(value(s, (2025, 6, 10)), "2025-06-09");
    }
}
