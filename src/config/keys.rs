//! Key chords as the configuration writes them (`q`, `G`, `Ctrl-d`,
//! `Shift-Tab`, `PageDown`, `F1`, `Space`) and as the terminal reports them.
//!
//! A chord is a key code and the Ctrl/Alt/Shift modifiers. Characters carry
//! their case, so `G` needs no `Shift-`; the terminal's Shift flag on a
//! character is ignored when matching.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// One key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct KeyChord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt and Shift (Shift only for keys that are not characters).
    pub mods: KeyModifiers,
}

impl KeyChord {
    /// The chord a terminal key event stands for, normalized so that it
    /// compares equal to the chord parsed from the configuration.
    pub fn from_event(ev: &KeyEvent) -> KeyChord {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                mods.insert(KeyModifiers::SHIFT);
                KeyCode::Tab
            }
            other => other,
        };
        KeyChord { code, mods }
    }

    /// Parses a chord written like `Ctrl-d`, `Shift-Tab`, `G` or `F1`.
    pub fn parse(s: &str) -> Result<KeyChord, String> {
        let bad = |why: &str| format!("`{s}` is not a key: {why}");
        if s.is_empty() {
            return Err(bad("empty"));
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        // A single character is always a key, even `-`.
        while rest.chars().count() > 1 {
            let Some((head, tail)) = rest.split_once('-') else {
                break;
            };
            let m = match head.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => KeyModifiers::CONTROL,
                "alt" | "a" | "m" | "meta" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                _ => return Err(bad("modifiers are Ctrl-, Alt- and Shift-")),
            };
            mods.insert(m);
            rest = tail;
            if rest.is_empty() {
                return Err(bad("a modifier needs a key after it"));
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named(rest).ok_or_else(|| {
                bad("use a character or one of Space, Enter, Esc, Tab, Backspace, Delete, Insert, Up, Down, Left, Right, Home, End, PageUp, PageDown, F1..F12")
            })?,
        };
        Ok(KeyChord { code, mods })
    }

    /// Whether the chord is a plain printable character (typed as text in
    /// an input line).
    pub fn is_plain_char(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && (self.mods - KeyModifiers::SHIFT).is_empty()
    }
}

fn named(s: &str) -> Option<KeyCode> {
    let lower = s.to_ascii_lowercase();
    Some(match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => return Some(KeyCode::BackTab),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
        f if f.starts_with('f') => {
            let n: u8 = f[1..].parse().ok()?;
            if (1..=24).contains(&n) {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

impl TryFrom<String> for KeyChord {
    type Error = String;

    fn try_from(s: String) -> Result<KeyChord, String> {
        let chord = KeyChord::parse(&s)?;
        if chord.code == KeyCode::BackTab {
            // Written BackTab: the same key as Shift-Tab.
            return Ok(KeyChord {
                code: KeyCode::Tab,
                mods: chord.mods | KeyModifiers::SHIFT,
            });
        }
        Ok(chord)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("BackTab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn parses_and_prints_the_forms_of_the_config() {
        for s in [
            "q",
            "G",
            "?",
            "Space",
            "Enter",
            "Esc",
            "Shift-Tab",
            "Ctrl-d",
            "F1",
            "PageDown",
            "Alt-x",
            "-",
        ] {
            assert_eq!(KeyChord::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(KeyChord::parse("ctrl-D").unwrap().to_string(), "Ctrl-d");
        assert_eq!(
            KeyChord::try_from("BackTab".to_owned())
                .unwrap()
                .to_string(),
            "Shift-Tab"
        );
        assert!(
            KeyChord::parse("Hyper-x")
                .unwrap_err()
                .contains("modifiers")
        );
        assert!(KeyChord::parse("Banana").unwrap_err().contains("not a key"));
        assert!(KeyChord::parse("Ctrl-").is_err());
    }

    #[test]
    fn terminal_events_match_parsed_chords() {
        let p = |s| KeyChord::parse(s).unwrap();
        assert_eq!(
            KeyChord::from_event(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            p("G")
        );
        assert_eq!(
            KeyChord::from_event(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            p("Shift-Tab")
        );
        assert_eq!(
            KeyChord::from_event(&ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            p("Ctrl-d")
        );
        assert_eq!(
            KeyChord::from_event(&ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            p("?")
        );
    }
}
