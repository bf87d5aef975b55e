//! Why a file was not read or written, and why a framework was not found: the file system's
//! and the readers' refusals, in words.

use super::Lang;
use super::cli::io_reason;

/// 16 MiB, 1.5 MiB, 900 KiB, 12 bytes (12 字节).
pub fn size(n: u64, lang: Lang) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        let tenths = n * 10 / MIB;
        if tenths.is_multiple_of(10) {
            format!("{} MiB", tenths / 10)
        } else {
            format!("{}.{} MiB", tenths / 10, tenths % 10)
        }
    } else if n >= KIB {
        format!("{} KiB", n / KIB)
    } else {
        lang.pick(format!("{n} 字节"), format!("{n} bytes"))
    }
}

/// What a path is when it is not a regular file.
pub fn file_kind(k: crate::store::safe_write::FileKind, lang: Lang) -> &'static str {
    use crate::store::safe_write::FileKind::*;
    match k {
        Directory => lang.pick("目录", "a directory"),
        Fifo => lang.pick("命名管道（FIFO）", "a named pipe (FIFO)"),
        Device => lang.pick("设备", "a device"),
        Socket => lang.pick("套接字", "a socket"),
        Other => lang.pick("非普通文件", "not a regular file"),
    }
}

/// Why a file was not read.
pub fn read_refusal(r: &crate::store::reading::ReadRefusal, lang: Lang) -> String {
    use crate::store::reading::{ReadRefusal::*, Reading};
    match r {
        NotAFile { kind } => {
            let k = file_kind(*kind, lang);
            lang.pick(
                format!("这是{k}，不是文件；请给出保存在磁盘上的文件路径"),
                format!("this is {k}, not a file; give the path of a file saved on disk"),
            )
        }
        TooLarge { what, limit, size: n } => {
            let what_zh = match what {
                Reading::Project => "项目文件",
                Reading::Framework => "指标框架",
                Reading::Table => "要导入的表格",
                Reading::Justification => "评分说明文件",
            };
            let what_en = match what {
                Reading::Project => "a project",
                Reading::Framework => "a framework",
                Reading::Table => "a table to import",
                Reading::Justification => "a justification file",
            };
            let l = size(*limit, lang);
            match (n, lang) {
                (Some(n), Lang::Zh) => format!(
                    "{what_zh}最大 {l}；此文件 {}：是不是选错了文件？",
                    size(*n, lang)
                ),
                (None, Lang::Zh) => {
                    format!("{what_zh}最大 {l}；此输入在该处仍未结束：是不是选错了文件？")
                }
                (Some(n), Lang::En) => format!(
                    "{what_en} may be at most {l}; this file is {}: is it the right file?",
                    size(*n, lang)
                ),
                (None, Lang::En) => format!(
                    "{what_en} may be at most {l}; this input did not end there: is it the right file?"
                ),
            }
        }
        Utf16 {
            little_endian,
            name,
        } => {
            let (ezh, een) = if *little_endian {
                ("小端", "little-endian")
            } else {
                ("大端", "big-endian")
            };
            lang.pick(
                format!(
                    "此文件是 UTF-16 文本（{ezh}），Windows 记事本和 Excel 保存“Unicode”时即如此；jixiao 读取 UTF-8：请另存为 UTF-8 编码，或用 `iconv -f UTF-16 -t UTF-8 '{name}' > converted.toml` 转换"
                ),
                format!(
                    "this file is UTF-16 text ({een}), as Windows Notepad and Excel save \"Unicode\"; jixiao reads UTF-8: save it again choosing the encoding UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8 '{name}' > converted.toml`"
                ),
            )
        }
        Gbk { name } => lang.pick(
            format!(
                "此文件不是 UTF-8，看起来是 GBK（GB2312/GB18030）中文文本，较旧的 Windows 编辑器如此保存；jixiao 读取 UTF-8：请另存为 UTF-8 编码，或用 `iconv -f GB18030 -t UTF-8 '{name}' > converted.toml` 转换"
            ),
            format!(
                "this file is not UTF-8 but looks like GBK (GB2312/GB18030) Chinese text, as older Windows editors save it; jixiao reads UTF-8: save it again choosing the encoding UTF-8, or convert it with `iconv -f GB18030 -t UTF-8 '{name}' > converted.toml`"
            ),
        ),
        NotUtf8 { byte, line, at } => lang.pick(
            format!(
                "不是 UTF-8 文本（第 {line} 行有无效字节 0x{byte:02X}，字节偏移 {at}）；是不是二进制文件？项目文件应为以 UTF-8 保存的文本"
            ),
            format!(
                "not UTF-8 text (invalid byte 0x{byte:02X} on line {line}, at byte offset {at}); is it a binary file? A project is a text file saved as UTF-8"
            ),
        ),
    }
}

/// Why a file was not written: the file system's refusal, with what it says about the file.
pub fn write_error(e: &crate::store::safe_write::WriteError, lang: Lang) -> String {
    use crate::store::safe_write::{WriteError::*, mode_string};
    match e {
        NotRegular { path, kind } => {
            let p = path.display();
            let kind = file_kind(*kind, lang);
            lang.pick(
                format!("{p} 不是普通文件（{kind}），不写入"),
                format!("{p} is not a regular file ({kind}); not writing to it"),
            )
        }
        NotWritable {
            path,
            owner,
            group,
            mode,
        } => {
            let (p, m) = (path.display(), mode_string(*mode));
            lang.pick(
                format!("无权写入 {p}（属主 {owner}，组 {group}，权限 {m}）；文件未改动，可另存为"),
                format!(
                    "you may not write {p} (owner {owner}, group {group}, mode {m}); the file is unchanged — save as another file instead"
                ),
            )
        }
        Io(e) => io_reason(lang, e),
    }
}

/// Why `jixiao new` found no framework: the file or id it is about in front.
pub fn framework_not_found(e: &crate::frameworks::FindError, lang: Lang) -> String {
    use crate::frameworks::FindError::*;
    match e {
        Unreadable { path, error } => {
            format!("{path}{}{}", lang.pick("：", ": "), io_reason(lang, error))
        }
        NotAFramework { path } => lang.pick(
            format!("{path}：不是指标框架"),
            format!("{path}: not a framework"),
        ),
        Syntax { path, problem } => problem.display_in(path, lang).to_string(),
        NoSuchId { id, ids } => {
            let ids = ids.join(", ");
            lang.pick(
                format!("没有编号为“{id}”的指标框架；可用：{ids}"),
                format!("no framework with id \"{id}\"; available: {ids}"),
            )
        }
    }
}

/// Why a framework's text cannot start a project.
pub fn new_error(e: &crate::store::NewError, lang: Lang) -> String {
    use crate::store::NewError::*;
    match e {
        NotToml { detail } => lang.pick(
            format!("不是有效的 TOML（{detail}）"),
            format!("invalid TOML: {detail}"),
        ),
        AlreadyProject => lang
            .pick(
                "它已有 [project] 表（是项目而不是框架？）",
                "it already has a [project] table (is it a project rather than a framework?)",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(16 * 1024 * 1024, Lang::En), "16 MiB");
        assert_eq!(size(1024 * 1024 + 512 * 1024, Lang::En), "1.5 MiB");
        assert_eq!(size(900 * 1024, Lang::En), "900 KiB");
        assert_eq!(size(12, Lang::En), "12 bytes");
        assert_eq!(size(12, Lang::Zh), "12 字节");
    }

    #[test]
    fn every_read_refusal_in_both_languages() {
        use crate::store::reading::{ReadRefusal::*, Reading};
        use crate::store::safe_write::FileKind;
        let all = [
            NotAFile {
                kind: FileKind::Fifo,
            },
            NotAFile {
                kind: FileKind::Directory,
            },
            NotAFile {
                kind: FileKind::Device,
            },
            NotAFile {
                kind: FileKind::Socket,
            },
            NotAFile {
                kind: FileKind::Other,
            },
            TooLarge {
                what: Reading::Project,
                limit: 16 << 20,
                size: Some(17 << 20),
            },
            TooLarge {
                what: Reading::Table,
                limit: 32 << 20,
                size: None,
            },
            TooLarge {
                what: Reading::Framework,
                limit: 16 << 20,
                size: Some(17 << 20),
            },
            TooLarge {
                what: Reading::Justification,
                limit: 1 << 20,
                size: Some(2 << 20),
            },
            Utf16 {
                little_endian: true,
                name: "p.toml".into(),
            },
            Gbk {
                name: "p.toml".into(),
            },
            NotUtf8 {
                byte: 0xff,
                line: 2,
                at: 5,
            },
        ];
        for r in &all {
            let zh = read_refusal(r, Lang::Zh);
            let en = read_refusal(r, Lang::En);
            let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(cjk(&zh) && !zh.contains(" the "), "{zh}");
            assert!(!cjk(&en), "{en}");
            for figure in ["16 MiB", "17 MiB", "p.toml", "0xFF"] {
                assert_eq!(zh.contains(figure), en.contains(figure), "{zh} / {en}");
            }
        }
    }
}
