//! Configuration: the documented default (`config.toml` at the top of the
//! repository, compiled in) with the user's file merged over it key by key.
//!
//! The user's file is `--config FILE` when given (it must exist), else
//! `$XDG_CONFIG_HOME/frontlog/config.toml`, else
//! `~/.config/frontlog/config.toml` (either may be missing). Every key is
//! optional in the user's file; an unknown key or a wrong value is an error
//! naming the file, the line and the key. Nothing here writes a file or
//! touches the terminal.

pub mod command;
pub mod keys;
pub mod theme;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::toml_error;
use crate::export::ExportFormat;
use command::Command;
use keys::KeyChord;
use theme::{ColorsFile, Theme};

/// The default configuration, as shipped (and documented) in `config.toml`.
pub const DEFAULT_TOML: &str = include_str!("../../config.toml");

/// A configuration file as written: every key optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// `[general]`.
    pub general: Option<GeneralFile>,
    /// `[colors]`.
    pub colors: Option<ColorsFile>,
    /// `[keys.COMMAND]` tables.
    pub keys: Option<BTreeMap<Command, BindingFile>>,
}

/// The `[general]` section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralFile {
    /// Folder of articles when none is given (empty: the demo corpus).
    pub corpus_dir: Option<String>,
    /// Manifest of that folder (empty: its own manifest.toml, if any).
    pub manifest: Option<String>,
    /// Folder for exports.
    pub export_dir: Option<String>,
    /// Format `e` writes (`ask`: a picker each time).
    pub export_format: Option<ExportFormatSetting>,
    /// strftime format of days.
    pub date_format: Option<DateFormat>,
}

/// The `export_format` setting: a format `e` always writes, or `None` for
/// `ask` (or empty): `e` then offers the formats each time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct ExportFormatSetting(pub Option<ExportFormat>);

impl TryFrom<String> for ExportFormatSetting {
    type Error = String;

    fn try_from(s: String) -> Result<ExportFormatSetting, String> {
        match s.trim() {
            "" | "ask" => Ok(ExportFormatSetting(None)),
            name => name
                .parse()
                .map(|f| ExportFormatSetting(Some(f)))
                .map_err(|e: String| format!("{e}, or ask")),
        }
    }
}

/// A checked strftime format.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct DateFormat(pub String);

impl TryFrom<String> for DateFormat {
    type Error = String;

    fn try_from(s: String) -> Result<DateFormat, String> {
        use chrono::format::{Item, StrftimeItems};
        if s.is_empty() || StrftimeItems::new(&s).any(|i| matches!(i, Item::Error)) {
            return Err(format!(
                "`{s}` is not a date format: use strftime fields like %Y-%m-%d or %d %b %Y"
            ));
        }
        // Fields a calendar day does not have (%H, %M, %z...) fail here
        // rather than fall back silently when drawing.
        let day = chrono::NaiveDate::from_ymd_opt(2025, 2, 13).expect("a real day");
        let mut probe = String::new();
        if std::fmt::Write::write_fmt(&mut probe, format_args!("{}", day.format(&s))).is_err() {
            return Err(format!(
                "`{s}` asks for a time or time zone, but events have only days: use date fields like %Y-%m-%d or %d %b %Y"
            ));
        }
        Ok(DateFormat(s))
    }
}

/// One `[keys.COMMAND]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BindingFile {
    /// The keys that run the command.
    pub keys: Option<Vec<KeyChord>>,
    /// What the command does, for the help overlay.
    pub desc: Option<String>,
}

impl ConfigFile {
    /// Parses a configuration file; errors name `path`, the line and the key.
    pub fn parse(path: &Path, source: &str) -> Result<ConfigFile, String> {
        toml::from_str(source).map_err(|e| {
            let mut message = toml_error(path, source, &e);
            // A setting of [general] written at the top of the file.
            let general = [
                "corpus_dir",
                "manifest",
                "export_dir",
                "export_format",
                "date_format",
            ];
            if let Some(key) = general
                .iter()
                .find(|k| e.message().contains(&format!("unknown field `{k}`")))
                && e.message().contains("expected one of `general`")
            {
                message.push_str(&format!(" ({key} belongs under [general])"));
            }
            message
        })
    }

    /// Each key set in `over` replaces the same key of `self`.
    pub fn merge(self, over: ConfigFile) -> ConfigFile {
        let general = match (self.general, over.general) {
            (Some(a), Some(b)) => Some(GeneralFile {
                corpus_dir: b.corpus_dir.or(a.corpus_dir),
                manifest: b.manifest.or(a.manifest),
                export_dir: b.export_dir.or(a.export_dir),
                export_format: b.export_format.or(a.export_format),
                date_format: b.date_format.or(a.date_format),
            }),
            (a, b) => b.or(a),
        };
        let colors = match (self.colors, over.colors) {
            (Some(a), Some(b)) => Some(a.merge(b)),
            (a, b) => b.or(a),
        };
        let mut keys = self.keys.unwrap_or_default();
        for (cmd, b) in over.keys.unwrap_or_default() {
            let entry = keys.entry(cmd).or_default();
            if b.keys.is_some() {
                entry.keys = b.keys;
            }
            if b.desc.is_some() {
                entry.desc = b.desc;
            }
        }
        ConfigFile {
            general,
            colors,
            keys: Some(keys),
        }
    }
}

/// A command with its keys and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The command.
    pub command: Command,
    /// The keys that run it (none: unbound).
    pub keys: Vec<KeyChord>,
    /// What it does.
    pub desc: String,
}

/// The configuration in force.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Folder of articles when none is given on the command line.
    pub corpus_dir: Option<PathBuf>,
    /// Manifest of the configured folder, used when the folder comes from
    /// the configuration and no `--manifest` is given.
    pub manifest: Option<PathBuf>,
    /// Folder where exports are written.
    pub export_dir: PathBuf,
    /// The format `e` writes; `None`: it asks each time.
    pub export_format: Option<ExportFormat>,
    /// strftime format of days.
    pub date_format: String,
    /// Colours.
    pub theme: Theme,
    /// Every command with its keys, in [`Command::ALL`] order.
    pub bindings: Vec<Binding>,
    /// The user's file that was merged over the default, if any.
    pub user_file: Option<PathBuf>,
}

/// What the configuration depends on in the environment, read once.
#[derive(Debug, Clone, Default)]
pub struct ConfigEnv {
    /// `$XDG_CONFIG_HOME`.
    pub xdg_config_home: Option<PathBuf>,
    /// `$HOME`.
    pub home: Option<PathBuf>,
    /// Whether `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
}

impl ConfigEnv {
    /// The environment of this process.
    pub fn from_process() -> ConfigEnv {
        let path = |k| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        ConfigEnv {
            xdg_config_home: path("XDG_CONFIG_HOME"),
            home: path("HOME"),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }

    /// Where the user's configuration file is looked for.
    pub fn user_config_path(&self) -> Option<PathBuf> {
        let base = match (&self.xdg_config_home, &self.home) {
            (Some(x), _) if x.is_absolute() => x.clone(),
            (_, Some(h)) => h.join(".config"),
            _ => return None,
        };
        Some(base.join("frontlog").join("config.toml"))
    }
}

impl Settings {
    /// The built-in default alone.
    pub fn default_settings(no_color: bool) -> Settings {
        let default = ConfigFile::parse(Path::new("config.toml (built in)"), DEFAULT_TOML)
            .expect("the built-in config.toml parses");
        Settings::resolve(default, None, None, no_color)
            .expect("the built-in config.toml is complete")
    }

    /// Loads the configuration: the default, then `explicit` (which must
    /// exist) or the user's file (which may be missing) merged over it.
    pub fn load(explicit: Option<&Path>, env: &ConfigEnv) -> Result<Settings, String> {
        let default = ConfigFile::parse(Path::new("config.toml (built in)"), DEFAULT_TOML)?;
        let (path, source) = match explicit {
            Some(p) => {
                let s = std::fs::read_to_string(p).map_err(|e| {
                    format!("{}: cannot read the configuration file: {e}", p.display())
                })?;
                (Some(p.to_path_buf()), Some(s))
            }
            None => match env.user_config_path() {
                Some(p) => match std::fs::read_to_string(&p) {
                    Ok(s) => (Some(p), Some(s)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, None),
                    Err(e) => {
                        return Err(format!(
                            "{}: cannot read the configuration file: {e}",
                            p.display()
                        ));
                    }
                },
                None => (None, None),
            },
        };
        let merged = match (&path, &source) {
            (Some(p), Some(s)) => default.merge(ConfigFile::parse(p, s)?),
            _ => default,
        };
        Settings::resolve(merged, path, source.as_deref(), env.no_color)
    }

    /// Turns a merged file into settings; checks that no key runs two
    /// commands (naming the line of the user's binding when `user_source`,
    /// the text of `user_file`, has it).
    pub fn resolve(
        file: ConfigFile,
        user_file: Option<PathBuf>,
        user_source: Option<&str>,
        no_color: bool,
    ) -> Result<Settings, String> {
        let origin = user_file
            .as_ref()
            .map_or("config.toml (built in)".to_owned(), |p| {
                p.display().to_string()
            });
        let general = file.general.unwrap_or_default();
        let keys = file.keys.unwrap_or_default();
        let mut bindings = Vec::new();
        // A key runs one command per scope (see `Scope`).
        let mut seen: BTreeMap<(command::Scope, String), Command> = BTreeMap::new();
        for cmd in Command::ALL {
            let b = keys.get(&cmd).cloned().unwrap_or_default();
            let chords = b.keys.unwrap_or_default();
            for k in &chords {
                if let Some(other) = seen.insert((cmd.scope(), k.to_string()), cmd)
                    && other != cmd
                {
                    let line = user_source
                        .and_then(|src| binding_line(src, cmd).or_else(|| binding_line(src, other)))
                        .map_or(String::new(), |n| format!(":{n}"));
                    return Err(format!(
                        "{origin}{line}: key `{k}` is bound to both `{}` and `{}`; give one of them other keys",
                        other.name(),
                        cmd.name()
                    ));
                }
            }
            bindings.push(Binding {
                command: cmd,
                keys: chords,
                desc: b.desc.unwrap_or_else(|| cmd.name().replace('_', " ")),
            });
        }
        let corpus_dir = general
            .corpus_dir
            .filter(|s| !s.trim().is_empty())
            .map(|s| expand_home(&s));
        let manifest = general
            .manifest
            .filter(|s| !s.trim().is_empty())
            .map(|s| expand_home(&s));
        let export_dir = general
            .export_dir
            .filter(|s| !s.trim().is_empty())
            .map_or_else(|| PathBuf::from("."), |s| expand_home(&s));
        Ok(Settings {
            corpus_dir,
            manifest,
            export_dir,
            export_format: general.export_format.and_then(|f| f.0),
            date_format: general
                .date_format
                .map_or_else(|| "%Y-%m-%d".to_owned(), |f| f.0),
            theme: Theme::resolve(&file.colors.unwrap_or_default(), !no_color),
            bindings,
            user_file,
        })
    }

    /// The corpus folder and manifest to read: the command line's, else the
    /// configured ones (the configured manifest only with the configured
    /// folder), else the demo corpus with its own manifest.
    pub fn corpus(
        &self,
        corpus: Option<&Path>,
        manifest: Option<&Path>,
    ) -> (PathBuf, Option<PathBuf>) {
        match (corpus, &self.corpus_dir) {
            (Some(c), _) => (c.to_path_buf(), manifest.map(Path::to_path_buf)),
            (None, Some(c)) => (
                c.clone(),
                manifest
                    .map(Path::to_path_buf)
                    .or_else(|| self.manifest.clone()),
            ),
            (None, None) => (
                crate::ingest::demo_corpus(),
                manifest.map(Path::to_path_buf),
            ),
        }
    }

    /// The binding of a command.
    pub fn binding(&self, cmd: Command) -> &Binding {
        self.bindings
            .iter()
            .find(|b| b.command == cmd)
            .expect("every command has a binding entry")
    }
}

fn expand_home(s: &str) -> PathBuf {
    match (s.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(s),
    }
}

/// The line (1-based) of the `keys = [...]` of `[keys.COMMAND]` in a
/// configuration file's text, else of its table header.
fn binding_line(source: &str, cmd: Command) -> Option<usize> {
    let header = format!("[keys.{}]", cmd.name());
    let mut at = None;
    for (n, line) in source.lines().enumerate() {
        let line = line.trim();
        if line == header {
            at = Some(n + 1);
        } else if at.is_some() && line.starts_with('[') {
            return at;
        } else if at.is_some() && line.starts_with("keys") {
            return Some(n + 1);
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_general_setting_at_the_top_says_where_it_belongs() {
        let e = super::ConfigFile::parse(std::path::Path::new("c.toml"), "corpus_dir = \"/x\"\n")
            .err()
            .unwrap();
        assert!(e.ends_with("(corpus_dir belongs under [general])"), "{e}");
    }

    fn env_in(dir: &Path) -> ConfigEnv {
        ConfigEnv {
            xdg_config_home: Some(dir.to_path_buf()),
            home: None,
            no_color: false,
        }
    }

    #[test]
    fn the_default_is_complete() {
        let s = Settings::default_settings(false);
        for b in &s.bindings {
            assert!(!b.keys.is_empty(), "{} has keys", b.command.name());
        }
        assert_eq!(s.export_dir, PathBuf::from("."));
        assert_eq!(s.corpus_dir, None);
    }

    #[test]
    fn user_keys_merge_key_by_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[keys.quit]\nkeys = [\"x\"]\n[general]\nexport_dir = \"/tmp/out\"\n[colors]\naccent = \"red\"\n").unwrap();
        let s = Settings::load(Some(&path), &ConfigEnv::default()).unwrap();
        let quit = s.binding(Command::Quit);
        assert_eq!(quit.keys.len(), 1);
        assert!(quit.desc.starts_with("Quit"), "the description is kept");
        assert_eq!(s.export_dir, PathBuf::from("/tmp/out"));
        assert_eq!(s.date_format, "%Y-%m-%d");
        assert_eq!(s.theme.accent, ratatui::style::Color::Red);
        assert_eq!(s.theme.border, ratatui::style::Color::DarkGray);
    }

    #[test]
    fn a_configured_manifest_goes_with_the_configured_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[general]\ncorpus_dir = \"/data/news\"\nmanifest = \"/data/news.toml\"\n",
        )
        .unwrap();
        let s = Settings::load(Some(&path), &ConfigEnv::default()).unwrap();
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            s.corpus(None, None),
            (p("/data/news"), Some(p("/data/news.toml")))
        );
        let other = Path::new("/elsewhere");
        assert_eq!(
            s.corpus(None, Some(other)),
            (p("/data/news"), Some(p("/elsewhere"))),
            "--manifest wins"
        );
        assert_eq!(
            s.corpus(Some(other), None),
            (p("/elsewhere"), None),
            "another folder does not take the configured manifest"
        );
        let d = Settings::default_settings(false);
        assert_eq!(d.corpus(None, None), (crate::ingest::demo_corpus(), None));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        for (src, want) in [
            ("[general]\nexport_dri = \".\"\n", ":2: key `export_dri`"),
            (
                "[colors]\naccent = \"chartreuse-ish\"\n",
                ":2: key `accent`",
            ),
            ("[keys.quit]\nkeys = [\"Hyper-q\"]\n", ":2: key `keys`"),
            ("[keys.fly]\nkeys = [\"f\"]\n", "fly"),
            ("[general]\ndate_format = \"%Q\"\n", ":2: key `date_format`"),
            (
                "[general]\ndate_format = \"%Y-%m-%d %H:%M\"\n",
                "asks for a time",
            ),
            // `c` is the built-in key of clear_filters.
            (
                "[general]\nexport_dir = \".\"\n\n[keys.export]\ndesc = \"x\"\nkeys = [\"c\"]\n",
                ":6: key `c` is bound to both",
            ),
        ] {
            std::fs::write(&path, src).unwrap();
            let err = Settings::load(Some(&path), &ConfigEnv::default()).unwrap_err();
            assert!(err.starts_with(&path.display().to_string()), "{err}");
            assert!(err.contains(want), "{src:?}: {err}");
        }
    }

    #[test]
    fn a_key_for_two_commands_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[keys.export]\nkeys = [\"c\"]\n").unwrap();
        let err = Settings::load(Some(&path), &ConfigEnv::default()).unwrap_err();
        assert!(err.contains("`c` is bound to both"), "{err}");
    }

    #[test]
    fn a_key_runs_one_command_per_scope() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        // Two map commands on one key: an error.
        std::fs::write(&path, "[keys.map_zoom_in]\nkeys = [\"h\"]\n").unwrap();
        let err = Settings::load(Some(&path), &ConfigEnv::default()).unwrap_err();
        assert!(
            err.contains("`h` is bound to both `map_left` and `map_zoom_in`"),
            "{err}"
        );
        // A map command on a key that counts elsewhere: the map's own wins there.
        std::fs::write(&path, "[keys.map_reset]\nkeys = [\"e\"]\n").unwrap();
        let s = Settings::load(Some(&path), &ConfigEnv::default()).unwrap();
        assert_eq!(s.binding(Command::MapReset).keys[0].to_string(), "e");
        assert_eq!(s.binding(Command::Export).keys[0].to_string(), "e");
    }

    #[test]
    fn missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings::load(None, &env_in(dir.path())).unwrap();
        assert_eq!(s.user_file, None, "a missing default user file is fine");
        let err =
            Settings::load(Some(&dir.path().join("nope.toml")), &env_in(dir.path())).unwrap_err();
        assert!(err.contains("nope.toml"), "{err}");
    }

    #[test]
    fn the_user_file_is_found_under_xdg_config_home() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("frontlog")).unwrap();
        std::fs::write(
            dir.path().join("frontlog/config.toml"),
            "[general]\ndate_format = \"%d %b %Y\"\n",
        )
        .unwrap();
        let s = Settings::load(None, &env_in(dir.path())).unwrap();
        assert_eq!(s.date_format, "%d %b %Y");
        let no_color = Settings::load(
            None,
            &ConfigEnv {
                no_color: true,
                ..env_in(dir.path())
            },
        )
        .unwrap();
        assert!(!no_color.theme.color);
        assert_eq!(no_color.theme.accent, ratatui::style::Color::Reset);
    }
}
