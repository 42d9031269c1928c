//! The export key of the terminal app (issue 14, item 7), on a
//! `TestBackend`: with no `export_format` configured, `e` opens a picker of
//! the formats; Enter writes the visible slice in the one under the cursor,
//! through the same `frontlog::export::render` as `frontlog export`, into
//! a file named with the format's extension. With a format configured, `e`
//! writes at once.

use frontlog::export::ExportFormat;
use frontlog::tui::action::{Action, Effect};
use frontlog::tui::state::Overlay;
use frontlog::tui::update::update;

use crate::tui_support::{demo_state, press, screen};

/// Runs an effect as the event loop does.
fn run(s: &mut frontlog::tui::state::AppState, effect: Option<Effect>) {
    if let Some(Effect::Export(format)) = effect {
        let result = frontlog::tui::effects::export(s, format, chrono::Utc::now());
        update(s, Action::Exported(format, result));
    }
}

#[test]
fn e_offers_the_formats_and_writes_the_one_picked_with_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo_state(100, 30);
    s.settings.export_dir = dir.path().to_path_buf();
    assert_eq!(s.settings.export_format, None, "the default asks");
    assert_eq!(press(&mut s, "e"), None);
    assert!(matches!(s.overlay, Some(Overlay::Formats(_))));
    let text = screen(&s);
    for label in ["Markdown", "JSON", "CSV", "GeoJSON", "Parquet"] {
        assert!(text.contains(label), "{label} listed:\n{text}");
    }
    assert!(text.contains(".geojson") && text.contains(".csv"), "{text}");
    assert!(
        text.contains(&format!("Export {} events as", s.visible.len())),
        "{text}"
    );
    // Esc closes it and writes nothing.
    press(&mut s, "Esc");
    assert!(s.overlay.is_none());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // Down twice: CSV.
    press(&mut s, "e");
    press(&mut s, "j");
    press(&mut s, "j");
    let effect = press(&mut s, "Enter");
    assert_eq!(effect, Some(Effect::Export(ExportFormat::Csv)));
    assert!(s.overlay.is_none());
    run(&mut s, effect);
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("frontlog-all-") && name.ends_with(".csv"),
        "{name}"
    );
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(csv.starts_with("event_id_cnty,event_date,"), "{csv}");
    assert_eq!(
        csv.lines().count(),
        s.visible.len() + 1,
        "one row per event"
    );
    let status = s.status.clone().unwrap();
    assert!(status.text.contains("as CSV"), "{}", status.text);
    // The picker opens on the format last written.
    press(&mut s, "e");
    assert!(screen(&s).contains("▶ CSV"), "{}", screen(&s));
}

#[test]
fn a_configured_format_is_written_at_once_and_geojson_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo_state(100, 30);
    s.settings.export_dir = dir.path().to_path_buf();
    s.settings.export_format = Some(ExportFormat::GeoJson);
    let effect = press(&mut s, "e");
    assert_eq!(effect, Some(Effect::Export(ExportFormat::GeoJson)));
    assert!(s.overlay.is_none(), "no picker");
    run(&mut s, effect);
    let path = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(path.extension().unwrap(), "geojson");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let status = s.status.clone().unwrap().text;
    assert!(status.contains("no place with coordinates"), "{status}");
}

#[test]
fn the_configuration_names_the_format_or_asks() {
    let dir = tempfile::tempdir().unwrap();
    let load = |text: &str| {
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        frontlog::config::Settings::load(Some(&path), &frontlog::config::ConfigEnv::default())
    };
    let s = load("[general]\nexport_format = \"csv\"\n").unwrap();
    assert_eq!(s.export_format, Some(ExportFormat::Csv));
    let s = load("[general]\nexport_format = \"ask\"\n").unwrap();
    assert_eq!(s.export_format, None);
    let err = load("[general]\nexport_format = \"xlsx\"\n").unwrap_err();
    assert!(err.contains(":2") && err.contains("geojson"), "{err}");
}
