//! `--help` in Chinese: what each subcommand and the common options are for. The command line
//! applies these to its clap definition when the language is Chinese; a subcommand or option
//! not listed here keeps its English text.

/// The program's one-line description.
pub const ABOUT: &str = "绩效 —— 按指标体系对预算绩效评价项目精确评分。";

/// The example block after the options.
pub const EXAMPLES: &str = "示例：\n  jixiao samples/rongcheng-checkup.toml          在工作台中打开项目\n  jixiao score samples/rongcheng-checkup.toml    输出得分表\n  jixiao explain samples/rongcheng-checkup.toml B101\n  jixiao review samples/rongcheng-checkup.toml   逐项复核失分指标\n  jixiao check samples/*.toml\n  jixiao new --framework mof-program my-project.toml";

/// Headings of the help page.
pub const USAGE: &str = "用法：";
pub const COMMANDS: &str = "命令";
pub const OPTIONS: &str = "选项";
pub const ARGUMENTS: &str = "参数";
pub const HELP: &str = "显示帮助";
pub const VERSION: &str = "显示版本";
/// The `[COMMAND]` placeholder of a usage line.
pub const COMMAND: &str = "命令";
/// clap's own `help` subcommand (`jixiao help score`).
pub const HELP_COMMAND: &str = "显示帮助，或某个子命令的帮助";

/// What subcommand `name` does, in Chinese.
pub fn command(name: &str) -> Option<&'static str> {
    Some(match name {
        "edit" => "在工作台中打开项目（与 `jixiao 文件` 相同）；在工作台中按 ? 查看按键",
        "review" => "复核项目：逐项查看失分指标，确认或写下复核意见；没有终端时输出复核清单",
        "new" => "按指标框架新建项目（框架编号见 `jixiao frameworks`，或框架文件路径）",
        "check" => {
            "检查项目或框架：以 文件:行:列 列出错误和警告。退出码：0 无错误（可有警告），1 有错误，2 文件无法读取"
        }
        "score" => "输出得分表：各一级、二级指标的分值、得分、得分率，以及总分和等级",
        "explain" => "说明扣分：列出每个失分指标的扣分点说明，或完整说明一个指标的评分过程",
        "diff" => {
            "比较同一项目的两份评分（两位评价人员）：逐项列出得分差异、各自的扣分、总分和等级"
        }
        "frameworks" => "列出指标框架：内置框架和个人配置目录中的框架",
        "merge" => "按字段三方合并项目文件；可用作 git 的合并驱动（见 docs/team.md）",
        "show" => "每个评分字段输出一行（供 git diff 显示评分变化）",
        "resolve" => {
            "解决某个指标（或加减分项）上记录的合并冲突：采用我方（ours）或对方（theirs）的值"
        }
        "set" => {
            "设置一个指标的字段：score=3、na=\"原因\"、input.名称=1040、input.名称.2020=540（某一年）、survey.问卷.题号.选项=150（问卷人数）、tier=档次、status=已评 等"
        }
        "deduct" => "为一个指标添加一条扣分及其原因",
        "survey" => "问卷调查：把问卷平台（问卷星、腾讯问卷等）的导出文件导入指标的问卷",
        "survey import" => {
            "把导出文件（CSV 或 xlsx/xls/ods：每行一位受访者，或选项 × 人数汇总表）写入指标的问卷人数，并输出各题统计和满意度"
        }
        "evidence" => "管理指标的佐证材料",
        "add" => "添加一条佐证材料：标题、存放位置、备注",
        "export" => {
            "导出综合评分表、一级指标汇总和指标分析（md、csv、html、xlsx、json、docx）；加 --report 导出完整报告"
        }
        "import" => "从指标表（CSV 或 xlsx/xls/ods）生成指标框架",
        "summary" => "每个项目一行：名称、总分、等级、各一级指标得分率、进度、文件",
        "help" => "显示帮助",
        "completions" => "输出 shell 补全脚本（bash、zsh、fish 等），由命令行定义生成",
        "man" => "输出手册页（man page）；-o 目录 则为每个子命令各写一页",
        "framework" => "指标框架操作：把项目的指标体系另存为框架",
        "save" => "把项目的指标体系（定义和评分规则，不含评分记录）另存为框架文件",
        "settings" => "查看或修改评价设置：总分、舍入、小数位、不适用处理、比率小数位、等级",
        "indicator" => "设计指标体系：新增、删除、移动、改名（或改代码）指标",
        "remove" => "删除一个指标及其下级指标",
        "move" => "移动指标：上移、下移、移到另一个上级之下或移为一级指标",
        "rename" => "修改指标名称或代码",
        _ => return None,
    })
}

/// What option or argument `id` (clap's id: the field name) means, in Chinese.
pub fn arg(id: &str) -> Option<&'static str> {
    Some(match id {
        "lang" => {
            "提示与工作台的语言（默认：配置文件的 lang，否则按 LC_ALL / LC_MESSAGES / LANG；除非区域设置为其他语言，均为中文）"
        }
        "ascii" => "工作台使用 ASCII 边框和标记（适用于字体欠佳的终端）",
        "ambiguous_width" => "终端将 ①、“”、…、▼、制表符等东亚歧义宽度字符显示为几列（1 或 2）",
        "read_only" => "只读打开，不加锁，不能修改",
        "compare" => "在每行旁显示另一位评价人员对同一项目的评分（只读）",
        "file" => "项目文件",
        "files" => "要检查的文件",
        "quiet" => "只输出错误",
        "json" => "输出 JSON（机器可读）",
        "all" => "包括所有指标，而不只是失分的指标",
        "code" => "指标编码",
        "report_lang" => {
            "报告文字（评分过程、扣分点说明）的语言：zh 或 en（默认按配置的 report_lang，再按项目的 [project] language，否则中文）"
        }
        "output" => "输出文件",
        "framework" => "指标框架：编号或文件路径",
        "name" => "名称",
        // `survey import`
        "export" => "问卷平台导出的文件（CSV、xlsx、xls 或 ods）",
        "survey" => "问卷名称（指标有多份问卷时，或与 --options 一起新建时）",
        "question" => "只填写第 N 题（文件只含这一题时）",
        "sheet" => "读取工作簿中的这张工作表（默认：第一张合适的）",
        "options" => "新建问卷的选项及权重（%）：\"非常满意=100,满意=80,一般=60,不满意=0\"",
        "format" => "输出格式",
        "dry_run" => "只输出将写入的内容，不修改文件",
        "assignments" => "键=值，可给出多个",
        "a" => "第一份评分（项目文件）",
        "b" => "第二份评分（项目文件）",
        "base" => "共同的上一版本（git 的 %O）",
        "ours" => "我方版本，合并结果写入此文件（git 的 %A）",
        "theirs" => "对方版本（git 的 %B）",
        "side" => "采用我方（ours）还是对方（theirs）的值",
        "points" => "扣分，如 0.5",
        "reason" => "发现的问题（扣分原因）",
        "paths" => "项目文件，或含项目文件的目录",
        "shell" => "shell 名称",
        "project" => "项目文件",
        _ => return None,
    })
}

/// What argument `id` of subcommand `command` means where the shared text of `arg` would be
/// wrong there (`import`'s FILE is a table, not a project).
pub fn arg_in(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("import", "file") => "指标表文件（CSV 或 xlsx/xls/ods；- 为标准输入）",
        ("import", "output") => "写入的 TOML 文件（默认：标准输出）",
        _ => return None,
    })
}

/// The placeholder a positional argument `id` shows (`<文件>`), where a Chinese word reads
/// better than clap's upper-case field name; the git names (BASE, OURS …) stay.
pub fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "file" | "files" | "project" => "文件",
        "code" => "代码",
        "assignments" => "键=值",
        "points" => "扣分",
        "reason" => "原因",
        "name" => "名称",
        "weight" => "分值",
        "paths" => "文件|目录",
        _ => return None,
    })
}
