//! A cursor in a list of rows and the window of rows shown around it,
//! settled by the update from the pane's height.

/// A cursor in a list and the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListCursor {
    /// Selected row.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

impl ListCursor {
    /// Moves to `row` (clamped to `len`) and scrolls so that it is shown in
    /// a window of `height` rows.
    pub fn go(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.settle(len, height);
    }

    /// Moves by `delta` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        let row = self.selected.saturating_add_signed(delta);
        self.go(row, len, height);
    }

    /// Scrolls so that the selection is shown and no space is wasted below
    /// the last row.
    pub fn settle(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}
