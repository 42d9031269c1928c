//! From terminal events to [`Action`]s, through the keymap in force.
//!
//! The keymap is data: the bindings of the configuration (each with its
//! description), turned into a lookup table. The help overlay and the keys
//! table of `docs/tui.md` are generated from the same bindings, so they
//! cannot drift from the keys the app obeys. A few keys are built in: Ctrl-C
//! quits, Esc closes the innermost open thing (and does nothing when
//! nothing is open, unless the configuration binds it), and while an input
//! line is open the keys are text.
//!
//! Keys are scoped ([`Scope`]): the map's own commands count only while the
//! map has the focus, and there they win over the others, so that one key
//! can pan the map and fold the region tree.

use std::collections::HashMap;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use crate::config::Settings;
use crate::config::command::Scope;
use crate::config::keys::KeyChord;
use crate::tui::action::{Action, Command, Edit, Wheel};

/// Keys to commands, per scope.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    map: HashMap<(Scope, KeyChord), Command>,
}

impl Keymap {
    /// The keymap of the settings' bindings.
    pub fn new(settings: &Settings) -> Keymap {
        let map = settings
            .bindings
            .iter()
            .flat_map(|b| {
                b.keys
                    .iter()
                    .map(move |k| ((b.command.scope(), *k), b.command))
            })
            .collect();
        Keymap { map }
    }

    /// The command bound to a key outside any pane's own scope.
    pub fn lookup(&self, chord: &KeyChord) -> Option<Command> {
        self.lookup_in(Scope::Anywhere, chord)
    }

    /// The command bound to a key in `scope`: the scope's own, else the
    /// one that counts anywhere.
    pub fn lookup_in(&self, scope: Scope, chord: &KeyChord) -> Option<Command> {
        self.map
            .get(&(scope, *chord))
            .or_else(|| self.map.get(&(Scope::Anywhere, *chord)))
            .copied()
    }
}

/// Where the app is, as far as reading keys goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys run commands: those of the scope (the focused pane's) first.
    Normal(Scope),
    /// An overlay or popup is open: Esc closes it.
    Overlay,
    /// An input line is open: keys are text.
    Input,
    /// The window is too small to show the app: only quitting is read
    /// (q or any key bound to quit), so no key acts on a hidden screen.
    TooSmall,
}

/// The action a terminal event asks for, if any. Only key presses count
/// (not repeats' releases); Ctrl-C always quits; Esc closes what is open
/// ([`Action::Escape`]) and quits only if the configuration binds it to quit.
pub fn translate(keymap: &Keymap, mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => {
            if key.kind != KeyEventKind::Press {
                return None;
            }
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
                return Some(Action::ForceQuit);
            }
            if mode == Mode::TooSmall {
                let chord = KeyChord::from_event(key);
                let quits =
                    key.code == KeyCode::Char('q') || keymap.lookup(&chord) == Some(Command::Quit);
                return quits.then_some(Action::ForceQuit);
            }
            if mode == Mode::Input {
                return input_edit(key.code, key.modifiers).map(Action::Edit);
            }
            if mode == Mode::Overlay && key.code == KeyCode::Esc {
                return Some(Action::Escape);
            }
            let scope = match mode {
                Mode::Normal(scope) => scope,
                _ => Scope::Anywhere,
            };
            match keymap.lookup_in(scope, &KeyChord::from_event(key)) {
                Some(c) => Some(Action::Command(c)),
                None if key.code == KeyCode::Esc => Some(Action::Escape),
                None => None,
            }
        }
        Event::Mouse(_) if mode == Mode::TooSmall => None,
        Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column,
                    row,
                    wheel: Wheel::Up,
                }),
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column,
                    row,
                    wheel: Wheel::Down,
                }),
                MouseEventKind::Down(MouseButton::Left) if matches!(mode, Mode::Normal(_)) => {
                    Some(Action::Click { column, row })
                }
                _ => None,
            }
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn input_edit(code: KeyCode, mods: KeyModifiers) -> Option<Edit> {
    let ctrl = mods.contains(KeyModifiers::CONTROL);
    Some(match code {
        KeyCode::Enter => Edit::Submit,
        KeyCode::Esc => Edit::Cancel,
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Char('a') if ctrl => Edit::Home,
        KeyCode::Char('e') if ctrl => Edit::End,
        KeyCode::Char('u') if ctrl => Edit::ClearToStart,
        KeyCode::Char(c) if !ctrl && !mods.contains(KeyModifiers::ALT) && !c.is_control() => {
            Edit::Insert(c)
        }
        _ => return None,
    })
}

/// One line of the help: keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    /// The keys, joined with `, ` (`unbound` when none).
    pub keys: String,
    /// What they do.
    pub desc: String,
}

/// Keys that are built in rather than configured.
pub const BUILT_IN: [(&str, &str); 5] = [
    ("Ctrl-C", "Quit at once, from anywhere"),
    (
        "Esc",
        "Close what is open: input line, help, popup, detail focus, a cluster",
    ),
    ("Enter", "Input line: apply it (keys typed there are text)"),
    ("Ctrl-u", "Input line: delete to the start"),
    (
        "Mouse wheel",
        "Scroll the pane under the pointer; a click selects",
    ),
];

/// Every key of the settings, with its description, then the built-in ones.
pub fn help_entries(settings: &Settings) -> Vec<HelpEntry> {
    let mut out: Vec<HelpEntry> = settings
        .bindings
        .iter()
        .map(|b| HelpEntry {
            keys: if b.keys.is_empty() {
                "unbound".to_owned()
            } else {
                b.keys
                    .iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            desc: b.desc.clone(),
        })
        .collect();
    out.extend(BUILT_IN.iter().map(|(k, d)| HelpEntry {
        keys: (*k).to_owned(),
        desc: (*d).to_owned(),
    }));
    out
}

/// The keys as a Markdown table (for `docs/tui.md`).
pub fn markdown_table(settings: &Settings) -> String {
    let mut out = String::from("| Keys | What they do |\n| --- | --- |\n");
    for e in help_entries(settings) {
        let keys: Vec<String> = e
            .keys
            .split(", ")
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect();
        out.push_str(&format!(
            "| {} | {} |\n",
            keys.join(", "),
            e.desc.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, KeyEventState};

    fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_presses_count_and_input_keys_are_text() {
        let km = Keymap::new(&Settings::default_settings(false));
        let q = |kind| key(KeyCode::Char('q'), KeyModifiers::NONE, kind);
        assert_eq!(
            translate(&km, Mode::Normal(Scope::Anywhere), &q(KeyEventKind::Press)),
            Some(Action::Command(Command::Quit))
        );
        assert_eq!(
            translate(
                &km,
                Mode::Normal(Scope::Anywhere),
                &q(KeyEventKind::Release)
            ),
            None
        );
        assert_eq!(
            translate(&km, Mode::Normal(Scope::Anywhere), &q(KeyEventKind::Repeat)),
            None
        );
        assert_eq!(
            translate(&km, Mode::Input, &q(KeyEventKind::Press)),
            Some(Action::Edit(Edit::Insert('q')))
        );
        let ctrl_c = key(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
            KeyEventKind::Press,
        );
        for mode in [Mode::Normal(Scope::Anywhere), Mode::Overlay, Mode::Input] {
            assert_eq!(translate(&km, mode, &ctrl_c), Some(Action::ForceQuit));
        }
        let esc = key(KeyCode::Esc, KeyModifiers::NONE, KeyEventKind::Press);
        assert_eq!(translate(&km, Mode::Overlay, &esc), Some(Action::Escape));
        assert_eq!(
            translate(&km, Mode::Input, &esc),
            Some(Action::Edit(Edit::Cancel))
        );
        assert_eq!(
            translate(&km, Mode::Normal(Scope::Anywhere), &esc),
            Some(Action::Escape),
            "Esc is not bound to quit: it closes what is open"
        );
        assert_eq!(translate(&km, Mode::TooSmall, &esc), None);
    }

    #[test]
    fn map_keys_count_on_the_map_only() {
        let km = Keymap::new(&Settings::default_settings(false));
        let h = key(KeyCode::Char('h'), KeyModifiers::NONE, KeyEventKind::Press);
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE, KeyEventKind::Press);
        let anywhere = Mode::Normal(Scope::Anywhere);
        let map = Mode::Normal(Scope::Map);
        assert_eq!(
            translate(&km, anywhere, &h),
            Some(Action::Command(Command::Fold))
        );
        assert_eq!(
            translate(&km, map, &h),
            Some(Action::Command(Command::MapLeft))
        );
        assert_eq!(
            translate(&km, map, &q),
            Some(Action::Command(Command::Quit))
        );
        assert_eq!(
            translate(&km, Mode::Overlay, &h),
            Some(Action::Command(Command::Fold)),
            "an overlay reads the keys that count anywhere"
        );
    }
}
