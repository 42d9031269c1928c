//! Normalization of the parts of a year: quarters ("the third quarter",
//! "the quarter" in focus, "last year's fourth quarter"), halves and
//! seasons, with the reference date, the tense and the quarter the text is
//! about.

use super::calendar::{add_months, quarter_of, season_days, season_of, ymd};
use super::resolve::{Ctx, Out, out_cal, out_text, pick_year};
use super::sem::Tense;
use super::sem::{Base, Part, Pick};
use super::value::{Cal, Gran};
use super::{Anchor, TimexType};
use chrono::{Datelike, NaiveDate};

/// Normalizes a quarter, half or season.
pub(crate) fn resolve_period(
    year: Option<i32>,
    yrel: Option<(Base, i32)>,
    part: Part,
    pick: Pick,
    ctx: &Ctx,
    tense: &mut dyn FnMut() -> Tense,
) -> Option<Out> {
    let dct = ctx.dct;
    let gran_of = |p: Part, q_focus: u8| match p {
        Part::Quarter(0) => Gran::Quarter(q_focus),
        Part::Quarter(q) => Gran::Quarter(q),
        Part::Half(h) => Gran::Half(h),
        Part::Season(s) => Gran::Season(s),
    };
    let first_day = |y: i32, g: Gran| -> Option<NaiveDate> {
        match g {
            Gran::Quarter(q) => ymd(y, u32::from(q) * 3 - 2, 1),
            Gran::Half(h) => ymd(y, if h == 1 { 1 } else { 7 }, 1),
            Gran::Season(s) => season_days(y, s).map(|x| x.0),
            _ => ymd(y, 1, 1),
        }
    };
    // The quarter in focus: the last one mentioned, else the last one that
    // ended before the DCT.
    let focus_q = || -> Option<Cal> {
        if let Some((_, c)) = ctx.last_quarter {
            return Some(c);
        }
        let d = dct?;
        let q = quarter_of(d.month());
        let first = ymd(d.year(), u32::from(q) * 3 - 2, 1)?;
        let prev = add_months(first, -3)?;
        Some(Cal::new(Gran::Quarter(quarter_of(prev.month())), prev))
    };
    if let Part::Quarter(0) = part {
        let d = dct?;
        let cal = match (year, yrel, pick) {
            (_, _, Pick::This) => {
                let q = quarter_of(d.month());
                Cal::new(Gran::Quarter(q), ymd(d.year(), u32::from(q) * 3 - 2, 1)?)
            }
            (_, _, Pick::Last | Pick::Next) => {
                let k = if pick == Pick::Last { -1 } else { 1 };
                let q = quarter_of(d.month());
                let f = add_months(ymd(d.year(), u32::from(q) * 3 - 2, 1)?, 3 * k)?;
                Cal::new(Gran::Quarter(quarter_of(f.month())), f)
            }
            (Some(y), _, _) => {
                let f = focus_q()?;
                let Gran::Quarter(q) = f.gran else {
                    return None;
                };
                let mut out = out_cal(
                    Cal::new(Gran::Quarter(q), first_day(y, f.gran)?),
                    Anchor::Relative,
                );
                out.focus = f.day.year() == y;
                return Some(out);
            }
            (None, Some((_, off)), _) => {
                let f = focus_q()?;
                let mut out = out_cal(
                    Cal::new(f.gran, first_day(f.day.year() + off, f.gran)?),
                    Anchor::Relative,
                );
                out.focus = off == 0;
                return Some(out);
            }
            (None, None, Pick::Plain) => focus_q()?,
        };
        return Some(out_cal(cal, Anchor::Relative));
    }
    let gran = gran_of(part, 0);
    if let Some(y) = year {
        // A quarter of another year ("through the third quarter of 1990")
        // does not become the one the report is about.
        let mut out = out_cal(Cal::new(gran, first_day(y, gran)?), Anchor::Explicit);
        out.focus = dct.is_none_or(|d| d.year() == y);
        return Some(out);
    }
    let Some(d) = dct else {
        let code = match part {
            Part::Quarter(q) => format!("Q{q}"),
            Part::Half(h) => format!("H{h}"),
            Part::Season(s) => s.to_string(),
        };
        return Some(out_text(TimexType::Date, format!("XXXX-{code}")));
    };
    let y = match yrel {
        Some((Base::Dct | Base::Sentence, off)) => d.year() + off,
        Some((Base::Ref, off)) => ctx.reference().map_or(d.year(), |c| c.day.year()) + off,
        None => match part {
            Part::Season(_) => {
                let (sy, s) = season_of(d);
                if pick == Pick::This || (pick == Pick::Plain && Gran::Season(s) == gran) {
                    if Gran::Season(s) == gran {
                        sy
                    } else {
                        d.year()
                    }
                } else {
                    pick_year(d, tense(), pick, |yy| {
                        season_days(
                            yy,
                            match gran {
                                Gran::Season(s) => s,
                                _ => "SU",
                            },
                        )
                    })?
                }
            }
            Part::Quarter(q) => {
                if q > quarter_of(d.month()) && matches!(tense(), Tense::Past | Tense::PastVerb) {
                    d.year() - 1
                } else {
                    d.year()
                }
            }
            Part::Half(_) => ctx.sentence_year().unwrap_or(d.year()),
        },
    };
    let mut out = out_cal(Cal::new(gran, first_day(y, gran)?), Anchor::Relative);
    out.focus = !matches!(yrel, Some((_, off)) if off != 0);
    Some(out)
}
