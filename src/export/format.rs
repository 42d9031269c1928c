//! The export formats as one value ([`ExportFormat`]) that the command
//! line, the configuration and the terminal app all pass to
//! [`crate::export::render`].

use std::fmt;
use std::str::FromStr;

/// A format an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExportFormat {
    /// A briefing for people (`.md`).
    Markdown,
    /// Every field, for programs: `{"documents": [...], "events": [...]}`.
    Json,
    /// One row per event, ACLED's columns first (RFC 4180, UTF-8).
    Csv,
    /// One Feature per placed event (RFC 7946, WGS84 longitude/latitude).
    GeoJson,
    /// The CSV's columns, typed (Apache Parquet; needs the `parquet`
    /// cargo feature).
    Parquet,
}

impl ExportFormat {
    /// Every format, in the order the app lists them.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Markdown,
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::GeoJson,
        ExportFormat::Parquet,
    ];

    /// The name typed on the command line and in the configuration
    /// (`markdown`, `json`, `csv`, `geojson`, `parquet`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "markdown",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Parquet => "parquet",
        }
    }

    /// The name people read ("GeoJSON").
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Json => "JSON",
            ExportFormat::Csv => "CSV",
            ExportFormat::GeoJson => "GeoJSON",
            ExportFormat::Parquet => "Parquet",
        }
    }

    /// The file name extension, without the dot (`md`, `geojson`).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Parquet => "parquet",
        }
    }

    /// Whether this build can write the format (Parquet needs the
    /// `parquet` cargo feature).
    pub fn available(self) -> bool {
        self != ExportFormat::Parquet || cfg!(feature = "parquet")
    }

    /// Whether the bytes are text fit for a terminal (everything but
    /// Parquet).
    pub fn is_text(self) -> bool {
        self != ExportFormat::Parquet
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ExportFormat {
    type Err = String;

    /// A format by name, in any case; `md` and `geo.json` spellings too.
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        let key = s.trim().to_ascii_lowercase();
        let found = ExportFormat::ALL
            .into_iter()
            .find(|f| f.name() == key || f.extension() == key);
        found.ok_or_else(|| {
            let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
            format!(
                "unknown export format `{}` (the formats are: {})",
                s.trim(),
                names.join(", ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_list_the_formats() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
            assert_eq!(f.extension().parse::<ExportFormat>(), Ok(f));
        }
        assert_eq!("GeoJSON".parse::<ExportFormat>(), Ok(ExportFormat::GeoJson));
        let err = "xlsx".parse::<ExportFormat>().unwrap_err();
        assert!(err.contains("xlsx") && err.contains("geojson"), "{err}");
    }
}
