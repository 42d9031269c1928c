//! What a matched phrase means, before it is tied to the calendar: the
//! meeting point of the grammar (which builds a [`Sem`]) and the resolver
//! (which turns it into a TIMEX3 value with the reference date).

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day (also "night" as a length).
    Day,
    /// Week.
    Week,
    /// Weekend.
    Weekend,
    /// Two weeks.
    Fortnight,
    /// Month.
    Month,
    /// Quarter of a year.
    Quarter,
    /// Year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// A thousand years.
    Millennium,
}

impl Unit {
    /// The unit of a lexicon code (`Y`, `MIN`...).
    pub(crate) fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" | "NIGHT" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "MIL" => Unit::Millennium,
            _ => return None,
        })
    }

    /// Whether the unit is shorter than a day.
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A time of day attached to a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tod {
    /// A part of the day: `MO`, `AF`, `EV`, `NI`.
    Part(&'static str),
    /// A clock time, hours 0-24 and minutes.
    Clock(u8, u8),
}

/// Which one of several candidate days or periods is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pick {
    /// No word says: tense and nearness decide.
    Plain,
    /// "last": the latest one before the reference date.
    Last,
    /// "next": the first one after it.
    Next,
    /// "this": the one of the current week / year.
    This,
}

/// A period of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Quarter 1-4; 0 for "the quarter" (the one in focus).
    Quarter(u8),
    /// Half 1-2.
    Half(u8),
    /// Season `SP`, `SU`, `FA`, `WI`.
    Season(&'static str),
}

/// Where a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    /// The reference date (publication date): "yesterday", "last year".
    Dct,
    /// The last date mentioned before, else the reference date:
    /// "the next day", "a year earlier".
    Ref,
    /// A year stated earlier in the same sentence, else the reference
    /// date: "for the year", "the full year".
    Sentence,
}

/// The meaning of a temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sem {
    /// A calendar date; missing parts are filled from the context.
    Date {
        /// Year if stated.
        year: Option<i32>,
        /// Month if stated.
        month: Option<u8>,
        /// Day of month if stated.
        day: Option<u8>,
        /// Time of day.
        tod: Option<Tod>,
    },
    /// A day of the week.
    Weekday {
        /// 1 = Monday ... 7 = Sunday.
        wd: u8,
        /// Which one.
        pick: Pick,
        /// What "last"/"next" count from: the DCT ("last Friday") or the
        /// date the story is at ("the previous Friday").
        base: Base,
        /// Time of day.
        tod: Option<Tod>,
    },
    /// A month without a year, picked by a word ("last April") or with a
    /// year relative to the DCT ("June last year").
    Month {
        /// 1-12.
        month: u8,
        /// Which one.
        pick: Pick,
        /// Year offset from the DCT's year, when said.
        yoff: Option<i32>,
    },
    /// A quarter, half or season.
    Period {
        /// Year if stated.
        year: Option<i32>,
        /// Year given relative to a base ("last year's third quarter": DCT, -1).
        yrel: Option<(Base, i32)>,
        /// Which period.
        part: Part,
        /// Which one when the year is not stated.
        pick: Pick,
    },
    /// A decade (`1990` for the 1990s).
    Decade(i32),
    /// A century (`19` for the 1900s).
    Century(i32),
    /// So many units from a base: "last year" (-1 year from the DCT),
    /// "two days later" (+2 days from the last date).
    Offset {
        /// The unit of the offset and of the value.
        unit: Unit,
        /// How many units.
        n: i32,
        /// What it counts from.
        base: Base,
        /// Time of day.
        tod: Option<Tod>,
        /// A counted offset ("two weeks ago") rather than a calendar one
        /// ("last week").
        exact: bool,
    },
    /// A weekend: "the weekend", "last weekend".
    Weekend {
        /// Which one.
        pick: Pick,
    },
    /// A named day (row of holidays.tsv).
    Holiday {
        /// How the day falls in a year.
        rule: super::calendar::HolidayRule,
        /// Year if stated.
        year: Option<i32>,
        /// Which one.
        pick: Pick,
    },
    /// A time of day on the reference date (or on the day around it).
    Clock {
        /// The time.
        tod: Tod,
    },
    /// The ISO week around a day: "the week of March 6".
    WeekOf(Box<Sem>),
    /// A weekday or a day of a month in the week or year named after it,
    /// counted from the DCT: "Friday last week" (week, -1), "Feb. 24 last
    /// year" (year, -1).
    InPeriod {
        /// The weekday or the month-and-day.
        inner: Box<Sem>,
        /// `Week` or `Year`.
        unit: Unit,
        /// Offset from the DCT's week or year.
        off: i32,
    },
    /// A day of the month the story is at: "the 13th" after "Feb. 12".
    DayOfMonth(u8),
    /// So many days from a day: "the day before last Tuesday" (-1).
    DaysFrom(Box<Sem>, i32),
    /// A fixed value from the phrase table (`PRESENT_REF`, `P1D`...).
    Fixed {
        /// TIMEX3 type.
        kind: super::TimexType,
        /// TIMEX3 value.
        value: &'static str,
    },
    /// A length of time, already in TIMEX3 form (`P3Y`).
    Duration(String),
    /// A recurrence, already in TIMEX3 form (`XXXX-WXX-1`, `P1W`).
    Set(String),
}

/// What the words around an expression say about its time (worked out by
/// each language's rules: English `en::context`, the East Slavic tables'
/// future words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// A past-tense verb is the nearest marker.
    Past,
    /// A past-tense verb right before the date governs it ("began in
    /// March"): a month it names may lie most of a year back.
    PastVerb,
    /// A future marker is the nearest.
    Future,
    /// No marker nearby.
    Unknown,
}
