//! The command line's own sentences (around the diagnostics it prints).

use super::Lang;

/// `p.toml: 1 error(s), 2 warning(s)`: the last line of `check` for one file.
pub fn check_summary(lang: Lang, file: &str, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::En => format!("{file}: {errors} error(s), {warnings} warning(s)"),
        Lang::Zh => format!("{file}：{errors} 个错误，{warnings} 个警告"),
    }
}

pub use super::files::{
    file_kind, framework_not_found, new_error, read_refusal, size, write_error,
};

/// A file that cannot be read at all.
pub fn cannot_read(lang: Lang, file: &str, why: &std::io::Error) -> String {
    let why = io_reason(lang, why);
    match lang {
        Lang::En => format!("{file}: error: cannot read: {why}"),
        Lang::Zh => format!("{file}: 错误：无法读取：{why}"),
    }
}

/// Why reading or writing failed: the common cases in words, others as the system says them.
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    if let Some(r) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::store::reading::ReadRefusal>())
    {
        return read_refusal(r, lang);
    }
    match (e.kind(), lang) {
        (NotFound, Lang::Zh) => "文件不存在".into(),
        (PermissionDenied, Lang::Zh) => "没有权限".into(),
        (IsADirectory, Lang::Zh) => "这是一个目录".into(),
        _ => e.to_string(),
    }
}

/// After the errors that stop a command: where to see everything.
pub fn errors_stop(lang: Lang, file: &str, errors: usize) -> String {
    match lang {
        Lang::En => {
            format!("{file}: {errors} error(s); run `jixiao check {file}` for details")
        }
        Lang::Zh => format!("{file}：{errors} 个错误；运行 `jixiao check {file}` 查看详情"),
    }
}

/// `file: error: ` / `file: 错误：`, before a message about the file.
pub fn error_in(lang: Lang, file: &str) -> String {
    format!(
        "{file}: {}",
        super::diagnostic::severity(crate::diagnostic::Severity::Error, lang)
    )
}

/// A save that kept meeting someone else's save.
pub fn kept_changing(lang: Lang) -> &'static str {
    lang.pick(
        "保存期间文件在磁盘上不断被修改；未写入任何内容，请重试",
        "the file kept changing on disk while this change was being saved; nothing was written, try again",
    )
}

pub fn cannot_save(lang: Lang, why: &std::io::Error) -> String {
    let why = io_reason(lang, why);
    lang.pick(format!("无法保存：{why}"), format!("cannot save: {why}"))
}

/// A change after an approval withdrew it.
pub fn approval_withdrawn(lang: Lang, code: &str) -> String {
    lang.pick(
        format!("{code} 的复核已撤销：复核后又有修改（状态改回已评）"),
        format!("{code}: the approval was withdrawn: changed after review (status back to 已评)"),
    )
}

/// `A101 名称：2.00 → 1.50 分（满分 3）`.
pub fn score_change(
    lang: Lang,
    code: &str,
    name: &str,
    from: &str,
    to: &str,
    weight: &str,
) -> String {
    lang.pick(
        format!("{code} {name}：{from} → {to} 分（满分 {weight}）"),
        format!("{code} {name}: {from} → {to} points (out of {weight})"),
    )
}

/// A leaf still waiting for inputs after the change.
pub fn still_incomplete(lang: Lang, code: &str, missing: &[String], reads: &[String]) -> String {
    let (m, r) = (
        super::list(lang, missing.iter().cloned()),
        super::list(lang, reads.iter().cloned()),
    );
    lang.pick(
        format!("{code} 未完成：尚未记录 {m}（规则读取 {r}），暂不计分"),
        format!(
            "{code} incomplete: {m} not recorded yet (the rule reads {r}); it does not count yet"
        ),
    )
}

/// `总分：64.22 → 63.72（中）`, or 暂计 with the progress while leaves are pending.
pub fn total_change(
    lang: Lang,
    provisional: bool,
    from: &str,
    to: &str,
    grade: Option<&str>,
    scored: usize,
    leaves: usize,
) -> String {
    let head = match (provisional, lang) {
        (true, Lang::Zh) => "暂计",
        (false, Lang::Zh) => "总分",
        (true, Lang::En) => "provisional total",
        (false, Lang::En) => "total",
    };
    let progress = lang.pick(
        format!("已评 {scored}/{leaves}"),
        format!("scored {scored}/{leaves}"),
    );
    let tail = match (grade, provisional) {
        (Some(g), true) => format!("{g}{}{progress}", lang.pick("，", ", ")),
        (Some(g), false) => g.to_string(),
        (None, _) => progress,
    };
    lang.pick(
        format!("{head}：{from} → {to}（{tail}）"),
        format!("{head}: {from} → {to} ({tail})"),
    )
}

/// One sentence of the command line, with what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say<'a> {
    NoIndicatorOrAdjustment {
        code: &'a str,
    },
    NoScoredLeaf {
        code: &'a str,
    },
    NoFrameworks,
    Framework {
        id: &'a str,
        name: &'a str,
        version: &'a str,
        leaves: usize,
        origin: &'a str,
    },
    UserFrameworksIn {
        dir: &'a str,
    },
    AlreadyExists,
    CannotWrite {
        why: String,
    },
    Created {
        file: &'a str,
        framework: &'a str,
        version: &'a str,
    },
    NoSuchFile {
        file: &'a str,
    },
    /// A file to read (not a project: `jixiao new` cannot make it) that is not there.
    NoSuchInput,
    /// A directory given where a file to read was expected (`jixiao import /tmp`).
    IsDirectory,
    CannotReadCompared {
        why: String,
    },
    NotATerminal,
    WorkbenchNeedsTerminal,
    // `jixiao man` and `completions`.
    CannotRenderManPage {
        why: String,
    },
    NotADirectory {
        dir: &'a str,
    },
    CannotWriteTo {
        file: &'a str,
        why: String,
    },
    // `-` (standard input) where a file is written back.
    EditNeedsFile {
        command: &'a str,
    },
    WorkbenchNeedsFile,
    OursNeedsFile,
    // `jixiao framework save`.
    FrameworkIsToml,
    CannotCreateDir {
        dir: &'a str,
        why: String,
    },
    /// After a write refused because the file exists.
    ForceReplaces,
    /// The terminal cannot be put in raw mode / the alternate screen (the system's reason).
    CannotSetUpTerminal {
        why: String,
    },
    CannotWatchSignals {
        why: String,
    },
    UnsavedKeptIn {
        file: &'a str,
    },
    NotUtf8 {
        offset: usize,
    },
    CannotAnnounce {
        dir: &'a str,
        why: &'a str,
    },
    SayWhichFormat,
    TableOnlyCsv,
    ReportNeedsDocument,
    TemplateDocxOnly,
    CannotUseTemplate {
        why: String,
    },
    /// An xlsx or docx export about to be printed on a terminal.
    BinaryToTerminal {
        docx: bool,
        suggestion: String,
    },
    CannotBuild {
        docx: bool,
        why: String,
    },
    ThatIsTheProject,
    Wrote {
        file: &'a str,
    },
    CannotWriteStdout {
        why: String,
    },
    TotalNotNumber {
        total: &'a str,
    },
    AlreadyExistsUseForce,
    NothingWritten {
        errors: usize,
    },
    ColumnsNotImported {
        columns: String,
    },
    FormatsDisagree {
        format: String,
    },
    NoProjectFiles,
    MoreErrors {
        count: usize,
        file: &'a str,
    },
    NotSummarised {
        failed: usize,
        listed: usize,
    },
    /// `summary --sort X` naming no column.
    CannotSort {
        text: &'a str,
        expected: &'a [String],
    },
    NotMergedNotProject {
        input: &'a str,
    },
    NotMerged {
        why: String,
    },
    MergeHeader {
        file: &'a str,
    },
    MergedCleanly,
    MergeConflict {
        change: String,
    },
    ConflictsRecorded {
        count: usize,
        file: &'a str,
    },
    ShownAsText {
        why: String,
    },
    ExpectedSide {
        side: &'a str,
    },
    NoConflictIn {
        code: &'a str,
        field: Option<&'a str>,
    },
    Resolved {
        code: &'a str,
        field: &'a str,
        side: &'a str,
        value: &'a str,
    },
}

/// `s` in `lang`.
pub fn say(lang: Lang, s: &Say) -> String {
    use Say::*;
    let zh = lang == Lang::Zh;
    match s {
        NoIndicatorOrAdjustment { code } => lang.pick(
            format!("没有指标（也没有加减分项）`{code}`"),
            format!("no indicator `{code}` (nor an adjustment item)"),
        ),
        NoScoredLeaf { code } => lang.pick(
            format!("没有已评分的末级指标 `{code}`"),
            format!("no scored leaf `{code}`"),
        ),
        NoFrameworks => lang.pick("没有找到指标框架", "no frameworks found").into(),
        Framework {
            id,
            name,
            version,
            leaves,
            origin,
        } => {
            if zh {
                format!("{id:<22} {name}（版本 {version}，{leaves} 个末级指标）[{origin}]")
            } else {
                format!("{id:<22} {name} (version {version}, {leaves} leaves) [{origin}]")
            }
        }
        UserFrameworksIn { dir } => lang.pick(
            format!("\n自定义指标框架从 {dir} 读取"),
            format!("\nuser frameworks are read from {dir}"),
        ),
        AlreadyExists => lang
            .pick(
                "文件已存在；jixiao new 从不覆盖文件",
                "already exists; jixiao new never overwrites a file",
            )
            .into(),
        CannotWrite { why } => {
            lang.pick(format!("无法写入：{why}"), format!("cannot write: {why}"))
        }
        Created {
            file,
            framework,
            version,
        } => lang.pick(
            format!("已按指标框架 {framework}（版本 {version}）创建 {file}"),
            format!("created {file} from framework {framework} (version {version})"),
        ),
        NoSuchFile { file } => lang.pick(
            format!("文件不存在；可用 `jixiao new --framework ID {file}` 创建"),
            format!("no such file; create one with `jixiao new --framework ID {file}`"),
        ),
        NoSuchInput => lang.pick("文件不存在", "no such file").into(),
        IsDirectory => lang
            .pick(
                "这是目录，不是文件；应给出要读取的文件",
                "is a directory, not a file; expected a file to read",
            )
            .into(),
        CannotReadCompared { why } => lang.pick(
            format!("无法读取用于比较的文件：{why}"),
            format!("cannot read the file to compare with: {why}"),
        ),
        NotATerminal => lang
            .pick(
                "不是终端，改为输出得分表（工作台需要终端）",
                "not a terminal, so printing the score table (the workbench needs one)",
            )
            .into(),
        WorkbenchNeedsTerminal => lang
            .pick(
                "工作台需要终端（标准输入和标准输出）",
                "the workbench needs a terminal (stdin and stdout)",
            )
            .into(),
        CannotRenderManPage { why } => lang.pick(
            format!("无法生成手册页：{why}"),
            format!("cannot render the man page: {why}"),
        ),
        NotADirectory { dir } => lang.pick(
            format!("{dir}：不是目录；请先创建（mkdir -p {dir}）"),
            format!("{dir}: not a directory; create it first (mkdir -p {dir})"),
        ),
        CannotWriteTo { file, why } => lang.pick(
            format!("{file}：无法写入：{why}"),
            format!("{file}: cannot write: {why}"),
        ),
        EditNeedsFile { command } => lang.pick(
            format!(
                "`jixiao {command}` 把修改存回所读的文件，因此需要文件而不是 `-`（标准输入）；请给出项目文件"
            ),
            format!(
                "`jixiao {command}` saves its change into the file it reads, so it needs a file, not `-` (standard input); name the project file"
            ),
        ),
        WorkbenchNeedsFile => lang
            .pick(
                "工作台编辑并保存文件，不能打开 `-`（标准输入）；请给出项目文件，或用 `jixiao score -` / `jixiao show -` 从管道读取项目",
                "the workbench edits and saves a file, so it cannot open `-` (standard input); name the project file, or use `jixiao score -` / `jixiao show -` to read a project from a pipe",
            )
            .into(),
        OursNeedsFile => lang
            .pick(
                "merge 把结果写入 OURS，因此 OURS 必须是文件而不是 `-`（标准输入）；BASE 和 THEIRS 可以是 `-`",
                "merge writes its result into OURS, so OURS must be a file, not `-` (standard input); BASE and THEIRS may be `-`",
            )
            .into(),
        FrameworkIsToml => lang
            .pick(
                "指标框架是 .toml 文件；应为 -o frameworks/名称.toml",
                "a framework is a .toml file; expected -o frameworks/NAME.toml",
            )
            .into(),
        CannotCreateDir { dir, why } => lang.pick(
            format!("{dir}：无法创建目录：{why}"),
            format!("{dir}: cannot create the directory: {why}"),
        ),
        ForceReplaces => lang
            .pick("（加 --force 可替换它）", " (--force replaces it)")
            .into(),
        CannotSetUpTerminal { why } => lang.pick(
            format!("无法设置终端：{why}"),
            format!("cannot set up the terminal: {why}"),
        ),
        CannotWatchSignals { why } => lang.pick(
            format!("无法监听信号：{why}"),
            format!("cannot watch for signals: {why}"),
        ),
        UnsavedKeptIn { file } => lang.pick(
            format!("未保存的修改已保留在 {file}"),
            format!("unsaved changes were kept in {file}"),
        ),
        SayWhichFormat => lang
            .pick(
                "请指定格式：--format md|csv|html|xlsx|json|docx（或用 -o 给出以这些扩展名结尾的文件）",
                "say which format: --format md|csv|html|xlsx|json|docx (or give -o a file ending in one of them)",
            )
            .into(),
        TableOnlyCsv => lang
            .pick(
                "--table 只用于 --format csv；其他格式同时包含两张表",
                "--table only applies to --format csv; the other formats hold both tables",
            )
            .into(),
        ReportNeedsDocument => lang
            .pick(
                "--report 生成的是报告文档：请与 --format docx、md 或 html 一起使用",
                "--report writes a document: use it with --format docx, md or html",
            )
            .into(),
        TemplateDocxOnly => lang
            .pick(
                "--template 需要一个参考 .docx，且只用于 --format docx",
                "--template takes a reference .docx and applies to --format docx only",
            )
            .into(),
        CannotUseTemplate { why } => lang.pick(
            format!("无法用作模板：{why}"),
            format!("cannot use as a template: {why}"),
        ),
        BinaryToTerminal { docx, suggestion } => match (lang, docx) {
            (Lang::Zh, _) => format!(
                "{} 是二进制文件，会搅乱终端；请用 -o {suggestion} 写入文件（或重定向标准输出）",
                if *docx { "docx 文档" } else { "xlsx 工作簿" }
            ),
            (Lang::En, _) => format!(
                "{} is binary and would garble the terminal; write it to a file with -o {suggestion} (or redirect stdout)",
                if *docx { "a docx document" } else { "an xlsx workbook" }
            ),
        },
        CannotBuild { docx, why } => match lang {
            Lang::Zh => format!(
                "无法生成{}：{why}",
                if *docx { "文档" } else { "工作簿" }
            ),
            Lang::En => format!(
                "cannot build the {}: {why}",
                if *docx { "document" } else { "workbook" }
            ),
        },
        ThatIsTheProject => lang
            .pick(
                "这就是正在导出的项目文件；请换一个输出文件",
                "that is the project being exported; choose another output file",
            )
            .into(),
        Wrote { file } => lang.pick(format!("已写入 {file}"), format!("wrote {file}")),
        CannotWriteStdout { why } => lang.pick(
            format!("无法写入标准输出：{why}"),
            format!("cannot write to stdout: {why}"),
        ),
        TotalNotNumber { total } => lang.pick(
            format!("--total `{total}` 不是数字"),
            format!("--total `{total}` is not a number"),
        ),
        AlreadyExistsUseForce => lang
            .pick(
                "文件已存在；加 --force 替换",
                "already exists; pass --force to replace it",
            )
            .into(),
        NothingWritten { errors } => lang.pick(
            format!("{errors} 个错误；未写入任何内容"),
            format!("{errors} error(s); nothing written"),
        ),
        ColumnsNotImported { columns } => lang.pick(
            format!("注意：以下列未导入：{columns}"),
            format!("note: columns not imported: {columns}"),
        ),
        FormatsDisagree { format } => lang.pick(
            format!("--json 与 --format {format} 不一致；请只给其中一个"),
            format!("--json and --format {format} disagree; give one of them"),
        ),
        NoProjectFiles => lang
            .pick(
                "所给路径中没有 .toml 项目文件",
                "no .toml project files in the paths given",
            )
            .into(),
        MoreErrors { count, file } => lang.pick(
            format!("… 另有 {count} 个错误；运行 `jixiao check {file}`"),
            format!("… {count} more error(s); run `jixiao check {file}`"),
        ),
        NotSummarised { failed, listed } => lang.pick(
            format!("{failed} 个文件无法汇总；列出了 {listed} 个项目"),
            format!("{failed} file(s) could not be summarised; {listed} project(s) listed"),
        ),
        CannotSort { text, expected } => {
            let e = expected.join(", ");
            lang.pick(
                format!("无法按“{text}”排序；可用：{e}"),
                format!("cannot sort by `{text}`; expected one of: {e}"),
            )
        }
        CannotAnnounce { dir, why } => lang.pick(
            format!("无法在 {dir} 登记本次会话：{why}"),
            format!("cannot announce this session in {dir}: {why}"),
        ),
        NotUtf8 { offset } => lang.pick(
            format!("不是 UTF-8 文本（第 {offset} 字节处无效）"),
            format!("not UTF-8 text (invalid byte at offset {offset})"),
        ),
        NotMergedNotProject { input } => lang.pick(
            format!("未合并（{input} 不是项目文件）"),
            format!("not merged ({input} is not a project file)"),
        ),
        NotMerged { why } => lang.pick(format!("未合并：{why}"), format!("not merged: {why}")),
        MergeHeader { file } => format!("jixiao merge {file}{}", lang.pick("：", ":")),
        MergedCleanly => lang.pick("  合并完成，没有冲突", "  merged cleanly").into(),
        MergeConflict { change } => {
            lang.pick(format!("  冲突 {change}"), format!("  CONFLICT {change}"))
        }
        ConflictsRecorded { count, file } => lang.pick(
            format!(
                "  文件中记录了 {count} 个冲突（保留我方的值）；`jixiao check {file}` 列出冲突，`jixiao resolve {file} 编码 ours|theirs` 解决其中一个"
            ),
            format!(
                "  {count} conflict(s) recorded in the file (ours kept); `jixiao check {file}` lists them, `jixiao resolve {file} CODE ours|theirs` settles one"
            ),
        ),
        ShownAsText { why } => lang.pick(
            format!("按原文显示：{why}"),
            format!("shown as text: {why}"),
        ),
        ExpectedSide { side } => lang.pick(
            format!("应为 `ours` 或 `theirs`，而不是“{side}”"),
            format!("expected `ours` or `theirs`, not \"{side}\""),
        ),
        NoConflictIn { code, field } => match field {
            Some(f) => lang.pick(
                format!("`{code}` 的字段 `{f}` 没有未解决的合并冲突"),
                format!("no unresolved merge conflict in `{code}` field `{f}`"),
            ),
            None => lang.pick(
                format!("`{code}` 没有未解决的合并冲突"),
                format!("no unresolved merge conflict in `{code}`"),
            ),
        },
        Resolved {
            code,
            field,
            side,
            value,
        } => lang.pick(
            format!("{code} {field}：采用 {side} {value}"),
            format!("{code} {field}: took {side} {value}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_every_figure() {
        for lang in [Lang::Zh, Lang::En] {
            let s = check_summary(lang, "p.toml", 3, 4);
            assert!(
                s.contains('3') && s.contains('4') && s.contains("p.toml"),
                "{s}"
            );
            let s = errors_stop(lang, "p.toml", 5);
            assert!(s.contains('5') && s.contains("jixiao check p.toml"), "{s}");
            let e = std::io::Error::other("boom");
            assert!(cannot_read(lang, "p.toml", &e).contains("boom"));
        }
        assert!(check_summary(Lang::Zh, "p", 1, 2).contains("个警告"));
    }
}
