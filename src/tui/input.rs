//! Terminal input on its own thread, and noticing that the terminal is gone.
//!
//! crossterm 0.29 reads the terminal until a read would block; after a
//! hang-up (a closed window, a dropped ssh connection, `tmux kill-session`)
//! every read returns 0 bytes, so `event::poll` never returns and spins on a
//! core (upstream crossterm-rs/crossterm#793). The app therefore never calls
//! it on the main thread: a [`Reader`] thread does, and hands the events over
//! a channel. The main loop waits on the channel with a timeout, so it still
//! sees the signal flag and can ask a [`HangupWatch`] whether the terminal
//! is still there, whatever the reading thread is stuck in.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::interrupt::Keys;

/// How long the reading thread waits for an event before looking whether it
/// should stop.
const READ_TICK: Duration = Duration::from_millis(100);

/// What the main loop hears from the reader.
#[derive(Debug)]
pub enum Input {
    /// A key, mouse or resize event.
    Event(Event),
    /// Nothing came within the timeout.
    Idle,
    /// The terminal failed or ended: the reason. No more events will come.
    Gone(String),
}

/// The thread that reads terminal events. Dropping it asks the thread to
/// stop; it is not waited for (it may be stuck inside crossterm after a
/// hang-up, and the process is about to end).
pub struct Reader {
    receiver: Receiver<io::Result<Event>>,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
    keys: Arc<Keys>,
}

impl Reader {
    /// Starts reading events from the terminal crossterm reads (standard
    /// input when it is a terminal, else `/dev/tty`).
    ///
    /// # Errors
    /// The thread could not be started.
    pub fn spawn() -> io::Result<Reader> {
        let (sender, receiver) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let keys = Arc::new(Keys::default());
        let counted = Arc::clone(&keys);
        let handle = thread::Builder::new()
            .name("frontlog-input".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    let next = match event::poll(READ_TICK) {
                        Ok(false) => continue,
                        Ok(true) => event::read(),
                        Err(e) => Err(e),
                    };
                    let failed = next.is_err();
                    // Counted before it is sent, so that the loop never
                    // takes more keys than were counted sent.
                    if next.as_ref().is_ok_and(is_key_press) {
                        counted.sent();
                    }
                    if sender.send(next).is_err() || failed {
                        return;
                    }
                }
            })?;
        Ok(Reader {
            receiver,
            stop,
            handle: Some(handle),
            keys,
        })
    }

    /// The key events this reader has handed over and the app has taken,
    /// for queries to give way to a key waiting
    /// ([`crate::interrupt::Interrupt`]).
    pub fn keys(&self) -> Arc<Keys> {
        Arc::clone(&self.keys)
    }

    /// The next input, waiting at most `timeout` (zero: only what is
    /// already waiting).
    pub fn next(&self, timeout: Duration) -> Input {
        let got = if timeout.is_zero() {
            self.receiver.try_recv().map_err(|e| match e {
                mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            })
        } else {
            self.receiver.recv_timeout(timeout)
        };
        match got {
            Ok(Ok(ev)) => {
                if is_key_press(&ev) {
                    self.keys.taken();
                }
                Input::Event(ev)
            }
            Ok(Err(e)) => Input::Gone(format!("reading the terminal failed: {e}")),
            Err(RecvTimeoutError::Timeout) => Input::Idle,
            Err(RecvTimeoutError::Disconnected) => Input::Gone("the terminal input ended".into()),
        }
    }

    /// Asks the thread to stop and waits for it when it is not stuck: a
    /// normal quit leaves no reader behind to swallow the shell's keys.
    pub fn stop(mut self, terminal_alive: bool) {
        self.stop.store(true, Ordering::Relaxed);
        if terminal_alive && let Some(h) = self.handle.take() {
            // The thread looks at the flag every READ_TICK.
            let _ = h.join();
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Whether an event is a key pressed: what the app acts on
/// ([`crate::tui::keymap`] ignores releases and repeats), so what a query
/// gives way to.
fn is_key_press(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == crossterm::event::KeyEventKind::Press)
}

/// The terminal descriptors to watch for a hang-up: standard input and
/// output, those of them that are terminals when the app starts (after a
/// hang-up a descriptor no longer answers as a terminal, so this is asked
/// once, first). A redirected output is never watched.
#[derive(Debug, Clone, Default)]
pub struct HangupWatch {
    fds: Vec<i32>,
}

impl HangupWatch {
    /// Looks at standard input and output now.
    #[cfg(unix)]
    pub fn new() -> HangupWatch {
        HangupWatch {
            // SAFETY: isatty only inspects the descriptor.
            fds: [0, 1]
                .into_iter()
                .filter(|&fd| unsafe { libc::isatty(fd) } == 1)
                .collect(),
        }
    }

    /// Off Unix nothing is watched: the terminal library's errors end the app.
    #[cfg(not(unix))]
    pub fn new() -> HangupWatch {
        HangupWatch::default()
    }

    /// Whether one of the watched terminals has hung up.
    pub fn hung_up(&self) -> bool {
        self.fds.iter().any(|&fd| fd_hung_up(fd))
    }
}

/// Whether a poll of `fd` (asking for nothing, not waiting) reports a
/// hang-up, an error or a closed descriptor.
#[cfg(unix)]
pub fn fd_hung_up(fd: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Off Unix no descriptor is watched, so none has hung up.
#[cfg(not(unix))]
pub fn fd_hung_up(_fd: i32) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_pty_whose_other_end_closed_has_hung_up() {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors; the rest may be null.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty failed");
        assert!(!fd_hung_up(slave), "a live terminal is not hung up");
        // SAFETY: closing the descriptors openpty gave us.
        unsafe { libc::close(master) };
        assert!(fd_hung_up(slave), "the other end closed: hung up");
        unsafe { libc::close(slave) };
        assert!(fd_hung_up(slave), "a closed descriptor counts as gone");
    }

    #[test]
    fn a_pipe_is_not_a_hang_up_while_its_writer_lives() {
        let mut fds = [0; 2];
        // SAFETY: pipe writes two descriptors.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        assert!(!fd_hung_up(fds[0]));
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
