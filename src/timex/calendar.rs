//! Calendar arithmetic: month lengths, shifting by months, ISO weeks,
//! quarters and seasons, and the dates of movable feasts.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A day, if it exists.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The last day of a month.
pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// `d` moved by `n` days.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `d` moved by `n` months (day clamped to the month's end).
pub(crate) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// Monday of the ISO week of `d`.
pub(crate) fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// 1 = Monday ... 7 = Sunday.
pub(crate) fn weekday_num(d: NaiveDate) -> u8 {
    d.weekday().number_from_monday() as u8
}

/// The latest day with weekday `wd` on or before `d` (strictly before when
/// `strict`).
pub(crate) fn weekday_on_or_before(d: NaiveDate, wd: u8, strict: bool) -> Option<NaiveDate> {
    let cur = i64::from(weekday_num(d));
    let mut back = (cur - i64::from(wd)).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    add_days(d, -back)
}

/// The first day with weekday `wd` on or after `d` (strictly after when
/// `strict`).
pub(crate) fn weekday_on_or_after(d: NaiveDate, wd: u8, strict: bool) -> Option<NaiveDate> {
    let cur = i64::from(weekday_num(d));
    let mut fwd = (i64::from(wd) - cur).rem_euclid(7);
    if strict && fwd == 0 {
        fwd = 7;
    }
    add_days(d, fwd)
}

/// Quarter (1-4) of a month.
pub(crate) fn quarter_of(month: u32) -> u8 {
    ((month - 1) / 3 + 1) as u8
}

/// First and last day of a quarter.
pub(crate) fn quarter_days(y: i32, q: u8) -> Option<(NaiveDate, NaiveDate)> {
    let m = u32::from(q) * 3 - 2;
    Some((ymd(y, m, 1)?, month_end(y, m + 2)?))
}

/// First and last day of a half year.
pub(crate) fn half_days(y: i32, h: u8) -> Option<(NaiveDate, NaiveDate)> {
    let m = if h == 1 { 1 } else { 7 };
    Some((ymd(y, m, 1)?, month_end(y, m + 5)?))
}

/// First and last day of a (northern, meteorological) season; winter runs
/// from December of `y` into February of `y + 1`.
pub(crate) fn season_days(y: i32, s: &str) -> Option<(NaiveDate, NaiveDate)> {
    Some(match s {
        "SP" => (ymd(y, 3, 1)?, month_end(y, 5)?),
        "SU" => (ymd(y, 6, 1)?, month_end(y, 8)?),
        "FA" => (ymd(y, 9, 1)?, month_end(y, 11)?),
        _ => (ymd(y, 12, 1)?, month_end(y + 1, 2)?),
    })
}

/// The season a day falls in, with the year the season is named by.
pub(crate) fn season_of(d: NaiveDate) -> (i32, &'static str) {
    match d.month() {
        3..=5 => (d.year(), "SP"),
        6..=8 => (d.year(), "SU"),
        9..=11 => (d.year(), "FA"),
        12 => (d.year(), "WI"),
        _ => (d.year() - 1, "WI"),
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday (Julian computus, shown in the Gregorian calendar;
/// valid 1900-2099).
pub(crate) fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    add_days(ymd(y, month as u32, day as u32)?, 13)
}

fn nth_weekday(y: i32, month: u32, wd: u32, n: i32) -> Option<NaiveDate> {
    let wd = u8::try_from(wd).ok()?;
    if n > 0 {
        let first = weekday_on_or_after(ymd(y, month, 1)?, wd, false)?;
        let d = add_days(first, 7 * i64::from(n - 1))?;
        (d.month() == month).then_some(d)
    } else {
        weekday_on_or_before(month_end(y, month)?, wd, false)
    }
}

/// The date of a named day in year `y`.
pub(crate) fn holiday_in(rule: HolidayRule, y: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed(m, d) => ymd(y, m, d),
        HolidayRule::Easter(n) => add_days(easter(y)?, n),
        HolidayRule::Orthodox(n) => add_days(orthodox_easter(y)?, n),
        HolidayRule::Nth { month, weekday, n } => nth_weekday(y, month, weekday, n),
        HolidayRule::Election => {
            let monday = nth_weekday(y, 11, 1, 1)?;
            add_days(monday, 1)
        }
    }
}

/// The ISO week value `YYYY-Www` of a day.
pub(crate) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Monday..Sunday of the ISO week of a day.
pub(crate) fn week_days(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let mon = week_start(d)?;
    Some((mon, add_days(mon, 6)?))
}

/// How a named day falls in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// So many days from Western Easter Sunday.
    Easter(i64),
    /// So many days from Orthodox Easter Sunday.
    Orthodox(i64),
    /// The n-th (or, n = -1, the last) weekday (1 = Monday) of a month.
    Nth { month: u32, weekday: u32, n: i32 },
    /// US Election Day.
    Election,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2025), ymd(2025, 4, 20));
        assert_eq!(easter(2024), ymd(2024, 3, 31));
        assert_eq!(orthodox_easter(2025), ymd(2025, 4, 20));
        assert_eq!(orthodox_easter(2024), ymd(2024, 5, 5));
    }

    #[test]
    fn nth_weekdays() {
        let thanks = HolidayRule::Nth {
            month: 11,
            weekday: 4,
            n: 4,
        };
        assert_eq!(holiday_in(thanks, 1999), ymd(1999, 11, 25));
        assert_eq!(holiday_in(HolidayRule::Election, 1998), ymd(1998, 11, 3));
        let memorial = HolidayRule::Nth {
            month: 5,
            weekday: 1,
            n: -1,
        };
        assert_eq!(holiday_in(memorial, 2025), ymd(2025, 5, 26));
    }

    #[test]
    fn weekdays_around_a_day() {
        let thu = ymd(2025, 2, 13).unwrap();
        assert_eq!(weekday_on_or_before(thu, 4, false), Some(thu));
        assert_eq!(weekday_on_or_before(thu, 4, true), ymd(2025, 2, 6));
        assert_eq!(weekday_on_or_after(thu, 5, false), ymd(2025, 2, 14));
        assert_eq!(weekday_on_or_before(thu, 1, false), ymd(2025, 2, 10));
        assert_eq!(iso_week(thu), "2025-W07");
    }
}
