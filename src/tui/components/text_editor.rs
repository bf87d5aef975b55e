//! A multi-line editor for paragraphs (评价说明): soft wrapping by display width, the cursor
//! moving up and down by display column (so it stays over the same place in Chinese text), and
//! pastes inserted as one edit.

use super::text::{char_width, no_line_start};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextEditor {
    chars: Vec<char>,
    cursor: usize,
    /// The display column up/down aim for, kept across short lines.
    want_col: Option<usize>,
    /// First visual row shown.
    pub top: usize,
    original: String,
}

/// One screen row of wrapped text: chars[start..end], and whether a line break follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    pub last_of_line: bool,
}

impl TextEditor {
    pub fn new(text: &str) -> TextEditor {
        let clean: String = text.replace("\r\n", "\n").replace('\r', "\n");
        let chars: Vec<char> = clean
            .chars()
            .filter(|c| *c == '\n' || !c.is_control() || *c == '\t')
            .collect();
        TextEditor {
            cursor: chars.len(),
            chars,
            want_col: None,
            top: 0,
            original: clean,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    /// Rows of the text wrapped to `width` columns (one column is kept for the cursor).
    pub fn rows(&self, width: usize) -> Vec<Row> {
        let room = width.saturating_sub(1).max(2);
        let mut rows = Vec::new();
        let mut start = 0;
        let mut used = 0;
        for (i, &c) in self.chars.iter().enumerate() {
            if c == '\n' {
                rows.push(Row {
                    start,
                    end: i,
                    last_of_line: true,
                });
                start = i + 1;
                used = 0;
                continue;
            }
            let w = char_width(c);
            if used + w > room && i > start {
                let end = self.soft_break(start, i);
                rows.push(Row {
                    start,
                    end,
                    last_of_line: false,
                });
                start = end;
                used = self.chars[end..i].iter().map(|&c| char_width(c)).sum();
            }
            used += w;
        }
        rows.push(Row {
            start,
            end: self.chars.len(),
            last_of_line: true,
        });
        rows
    }

    /// Where a row that would overflow at `at` ends, the way the detail pane wraps: a number
    /// or Latin word goes down whole ("2020" not "2" above "020") unless it fills the row, and
    /// closing punctuation (，。）…) takes the character before it down rather than start a row.
    fn soft_break(&self, start: usize, at: usize) -> usize {
        let word = |c: char| c.is_ascii_graphic();
        let c = self.chars.as_slice();
        if word(c[at]) && word(c[at - 1]) {
            let mut b = at;
            while b > start && word(c[b - 1]) {
                b -= 1;
            }
            return if b > start { b } else { at };
        }
        if no_line_start(c[at]) && at - 1 > start {
            return at - 1;
        }
        at
    }

    pub fn row_text(&self, row: &Row) -> String {
        self.chars[row.start..row.end]
            .iter()
            .map(|&c| if c == '\t' { ' ' } else { c })
            .collect()
    }

    /// (row, column) of the cursor in `rows`.
    pub fn cursor_pos(&self, rows: &[Row]) -> (usize, usize) {
        for (r, row) in rows.iter().enumerate() {
            let inside = self.cursor >= row.start
                && (self.cursor < row.end || (self.cursor == row.end && row.last_of_line));
            if inside {
                return (r, self.col_of(row, self.cursor));
            }
        }
        let r = rows.len().saturating_sub(1);
        (
            r,
            rows.last()
                .map(|row| self.col_of(row, self.cursor.min(row.end)))
                .unwrap_or(0),
        )
    }

    fn col_of(&self, row: &Row, at: usize) -> usize {
        self.chars[row.start..at.max(row.start)]
            .iter()
            .map(|&c| char_width(c))
            .sum()
    }

    /// The character index in `row` closest to display column `col` (never past a soft break).
    fn index_at(&self, row: &Row, col: usize) -> usize {
        let mut used = 0;
        let last = if row.last_of_line || row.end == row.start {
            row.end
        } else {
            row.end - 1
        };
        for i in row.start..last {
            let w = char_width(self.chars[i]);
            if used + w > col {
                return i;
            }
            used += w;
        }
        last
    }

    pub fn insert_char(&mut self, c: char) {
        if c == '\r' {
            return self.insert_char('\n');
        }
        if c.is_control() && c != '\n' && c != '\t' {
            return;
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
        self.want_col = None;
    }

    /// A paste: the whole text goes in as one insertion.
    pub fn insert_str(&mut self, s: &str) {
        let clean = s.replace("\r\n", "\n").replace('\r', "\n");
        let new: Vec<char> = clean
            .chars()
            .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
            .collect();
        let n = new.len();
        self.chars.splice(self.cursor..self.cursor, new);
        self.cursor += n;
        self.want_col = None;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
        self.want_col = None;
    }

    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
        self.want_col = None;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
        self.want_col = None;
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
        self.want_col = None;
    }

    pub fn up(&mut self, width: usize) {
        self.vertical(width, -1);
    }

    pub fn down(&mut self, width: usize) {
        self.vertical(width, 1);
    }

    fn vertical(&mut self, width: usize, delta: isize) {
        let rows = self.rows(width);
        let (r, col) = self.cursor_pos(&rows);
        let want = *self.want_col.get_or_insert(col);
        let target = r as isize + delta;
        if target < 0 {
            self.cursor = 0;
        } else if target as usize >= rows.len() {
            self.cursor = self.chars.len();
        } else {
            self.cursor = self.index_at(&rows[target as usize], want);
        }
    }

    /// Start of the screen row; already there, start of the paragraph (a long paragraph wraps
    /// over many rows, and both are wanted).
    pub fn home(&mut self, width: usize) {
        let rows = self.rows(width);
        let (r, _) = self.cursor_pos(&rows);
        self.cursor = if self.cursor == rows[r].start {
            let mut first = r;
            while first > 0 && !rows[first - 1].last_of_line {
                first -= 1;
            }
            rows[first].start
        } else {
            rows[r].start
        };
        self.want_col = None;
    }

    /// End of the screen row; already there, end of the paragraph.
    pub fn end(&mut self, width: usize) {
        let rows = self.rows(width);
        let (r, _) = self.cursor_pos(&rows);
        let row_end = self.index_at(&rows[r], usize::MAX);
        self.cursor = if self.cursor == row_end {
            let mut last = r;
            while !rows[last].last_of_line && last + 1 < rows.len() {
                last += 1;
            }
            rows[last].end
        } else {
            row_end
        };
        self.want_col = None;
    }

    /// PgUp / PgDn: the cursor moves `page` rows (a screenful less one, so a line stays in
    /// view), keeping its column.
    pub fn page(&mut self, width: usize, page: usize, down: bool) {
        let step = page.saturating_sub(1).max(1) as isize;
        self.vertical(width, if down { step } else { -step });
    }

    /// Ctrl-Home / Ctrl-End: the start or the end of the whole text.
    pub fn to_edge(&mut self, end: bool) {
        self.cursor = if end { self.chars.len() } else { 0 };
        self.want_col = None;
    }

    /// Deletes from the start of the screen row to the cursor.
    pub fn clear_to_start(&mut self, width: usize) {
        let rows = self.rows(width);
        let (r, _) = self.cursor_pos(&rows);
        let from = rows[r].start;
        self.chars.drain(from..self.cursor);
        self.cursor = from;
        self.want_col = None;
    }

    /// Moves `top` so the cursor's row is among the `height` rows shown.
    pub fn scroll_into_view(&mut self, width: usize, height: usize) {
        let rows = self.rows(width);
        let (r, _) = self.cursor_pos(&rows);
        let height = height.max(1);
        if r < self.top {
            self.top = r;
        } else if r >= self.top + height {
            self.top = r + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width_and_moves_by_column() {
        // 11 columns: rows hold 10 columns, i.e. five Chinese characters.
        let mut e = TextEditor::new("一二三四五六七八九十\nab");
        let rows = e.rows(11);
        assert_eq!(rows.len(), 3);
        assert_eq!(e.row_text(&rows[0]), "一二三四五");
        assert_eq!(e.row_text(&rows[1]), "六七八九十");
        assert_eq!(e.cursor_pos(&rows), (2, 2));
        e.up(11);
        // Column 2 in "六七八九十" is before 七.
        assert_eq!(e.cursor_pos(&e.rows(11)), (1, 2));
        e.insert_char('X');
        assert_eq!(e.text(), "一二三四五六X七八九十\nab");
        e.up(11);
        e.down(11);
        e.down(11);
        assert_eq!(e.cursor_pos(&e.rows(11)).0, 2);
    }

    #[test]
    fn numbers_go_down_whole_and_punctuation_never_starts_a_row() {
        // 11 columns: rows hold 10.
        let e = TextEditor::new("预算为 2020 年的数");
        let rows = e.rows(11);
        let texts: Vec<String> = rows.iter().map(|r| e.row_text(r)).collect();
        assert_eq!(texts, ["预算为 ", "2020 年的", "数"]);
        let e = TextEditor::new("一二三四五，六");
        let texts: Vec<String> = e.rows(11).iter().map(|r| e.row_text(r)).collect();
        assert_eq!(texts, ["一二三四", "五，六"]);
        // A word longer than a row is still cut by characters.
        let e = TextEditor::new("abcdefghijklmnop");
        let texts: Vec<String> = e.rows(11).iter().map(|r| e.row_text(r)).collect();
        assert_eq!(texts, ["abcdefghij", "klmnop"]);
        // Every character is in exactly one row, in order.
        let e = TextEditor::new("2021 年项目年初预算 1309 万元，实际拨付资金 671.31 万元。");
        for w in 6..30 {
            let rows = e.rows(w);
            let joined: String = rows.iter().map(|r| e.row_text(r)).collect();
            assert_eq!(joined, e.text(), "width {w}");
        }
    }

    #[test]
    fn a_paste_is_one_insertion_and_keeps_paragraphs() {
        let mut e = TextEditor::new("");
        e.insert_str("第一段。\r\n第二段。");
        assert_eq!(e.text(), "第一段。\n第二段。");
        assert!(e.changed());
        e.clear_to_start(20);
        assert_eq!(e.text(), "第一段。\n");
        e.backspace();
        assert_eq!(e.text(), "第一段。");
        e.home(20);
        e.insert_char('X');
        e.end(20);
        e.insert_char('Y');
        assert_eq!(e.text(), "X第一段。Y");
    }

    #[test]
    fn home_and_end_go_to_the_screen_row_then_the_paragraph() {
        // 11 columns: five Chinese characters a row; the paragraph takes three rows.
        let mut e = TextEditor::new("一二三四五六七八九十甲乙\nab");
        e.to_edge(false);
        e.down(11);
        e.right();
        e.home(11);
        assert_eq!(e.cursor_pos(&e.rows(11)), (1, 0), "start of the row");
        e.home(11);
        assert_eq!(e.cursor_pos(&e.rows(11)), (0, 0), "then of the paragraph");
        e.down(11);
        e.end(11);
        e.insert_char('X');
        assert_eq!(e.text(), "一二三四五六七八九X十甲乙\nab", "end of the row");
        e.left();
        e.end(11);
        e.end(11);
        e.insert_char('Y');
        assert_eq!(
            e.text(),
            "一二三四五六七八九X十甲乙Y\nab",
            "then of the paragraph"
        );
        e.to_edge(true);
        e.insert_char('Z');
        assert!(e.text().ends_with("abZ"));
        e.to_edge(false);
        e.insert_char('0');
        assert!(e.text().starts_with("0一"));
    }

    #[test]
    fn page_keys_move_a_screenful_less_one() {
        let mut e = TextEditor::new(&"行\n".repeat(30));
        e.to_edge(false);
        e.page(10, 5, true);
        assert_eq!(e.cursor_pos(&e.rows(10)).0, 4);
        e.page(10, 5, true);
        assert_eq!(e.cursor_pos(&e.rows(10)).0, 8);
        e.page(10, 5, false);
        assert_eq!(e.cursor_pos(&e.rows(10)).0, 4);
        for _ in 0..20 {
            e.page(10, 5, true);
        }
        assert_eq!(e.cursor_pos(&e.rows(10)).0, 30);
    }

    #[test]
    fn scrolling_follows_the_cursor() {
        let mut e = TextEditor::new(&"行\n".repeat(30));
        e.scroll_into_view(10, 5);
        assert_eq!(e.top, 26);
        for _ in 0..30 {
            e.up(10);
        }
        e.scroll_into_view(10, 5);
        assert_eq!(e.top, 0);
    }
}
