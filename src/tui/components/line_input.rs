//! A one-line text input that handles CJK: the cursor moves by character and the view scrolls
//! by display columns so the cursor is always on screen.

use super::text::{char_width, printable};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    chars: Vec<char>,
    /// Index into `chars`: the cursor sits before this character.
    cursor: usize,
}

impl LineInput {
    /// An input holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> LineInput {
        let chars: Vec<char> = one_line(text).chars().collect();
        let cursor = chars.len();
        LineInput { chars, cursor }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn insert_char(&mut self, c: char) {
        if c == '\n' || c == '\r' || c == '\t' {
            self.insert_char(' ');
            return;
        }
        if c.is_control() {
            return;
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    /// A paste, as one insertion; line breaks become spaces.
    pub fn insert_str(&mut self, s: &str) {
        let new: Vec<char> = one_line(s).chars().collect();
        let n = new.len();
        self.chars.splice(self.cursor..self.cursor, new);
        self.cursor += n;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.chars.len();
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    pub fn clear_to_start(&mut self) {
        self.chars.drain(..self.cursor);
        self.cursor = 0;
    }

    /// What fits in `width` columns around the cursor, and the cursor's column in it.
    pub fn view(&self, width: usize) -> (String, usize) {
        if width == 0 {
            return (String::new(), 0);
        }
        // Keep one column for the cursor itself.
        let room = width - 1;
        let mut start = self.cursor;
        let mut used = 0;
        while start > 0 && used + char_width(self.chars[start - 1]) <= room {
            start -= 1;
            used += char_width(self.chars[start]);
        }
        let cursor_col = used;
        let mut out = String::new();
        let mut total = 0;
        for &c in &self.chars[start..] {
            let w = char_width(c);
            if total + w > width {
                break;
            }
            total += w;
            out.push(c);
        }
        (out, cursor_col)
    }
}

fn one_line(s: &str) -> String {
    printable(&s.replace("\r\n", " ").replace(['\n', '\r'], " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_moving_over_chinese() {
        let mut i = LineInput::new("扣分");
        i.insert_char('0');
        i.home();
        i.insert_str("档案\n管理");
        assert_eq!(i.text(), "档案 管理扣分0");
        i.end();
        i.backspace();
        i.left();
        i.delete();
        assert_eq!(i.text(), "档案 管理扣");
        i.clear_to_start();
        assert_eq!(i.text(), "");
    }

    #[test]
    fn the_view_scrolls_to_keep_the_cursor_visible() {
        let i = LineInput::new("一二三四五六七八九十");
        let (shown, col) = i.view(9);
        assert_eq!(shown, "七八九十");
        assert_eq!(col, 8);
        let mut j = i.clone();
        j.home();
        let (shown, col) = j.view(9);
        assert_eq!(shown, "一二三四");
        assert_eq!(col, 0);
        assert_eq!(LineInput::new("abc").view(0), (String::new(), 0));
    }
}
