//! Command-line arguments. `main` parses them; `settings` turns them into a validated
//! [`Settings`](crate::settings::Settings), and nothing after that sees clap types.

use crate::audit::Severity;
use crate::layout::PmMeans;
use crate::model::{SchemeName, Shape};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The default `--max-store-mb`: the reports and pages of every kept audit together.
pub const DEFAULT_MAX_STORE_MB: u64 = 512;

/// The default `--upload-timeout-secs`: time for a whole request body to arrive. 20 MB take a
/// fraction of a second on this machine and about a minute at 3 Mbit/s.
pub const DEFAULT_UPLOAD_TIMEOUT_SECS: u64 = 60;

/// The default `--max-uploads`: uploads received or audited at once. Each may hold its body
/// (up to two files of `--max-upload-mb`) in memory until its audit is done.
pub const DEFAULT_MAX_UPLOADS: usize = 4;

#[derive(Debug, Parser)]
#[command(
    name = "raci",
    version,
    about = "Audit a RACI matrix: which tasks are Product-Owner work, which are Product-Manager work, where they overlap and what nobody covers.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit one or more RACI exports and write reports and charts.
    Audit(AuditArgs),
    /// Show how a file was read: sheet, header, task and party columns, groups, legend, scheme.
    Inspect(InspectArgs),
    /// Classify task names as PO, PM, shared or unclassified, and explain why.
    Classify(ClassifyArgs),
    /// Print the built-in taxonomy (TOML), to start a custom one from.
    Taxonomy,
    /// List the rules, or explain one: `raci rules R001`.
    Rules(RulesArgs),
    /// Serve a local web page to upload a RACI export and read its audit in a browser.
    Serve(ServeArgs),
    /// Compare two exports of a matrix (or two folders of them): what changed, what got
    /// fixed, what is new.
    Diff(DiffArgs),
}

/// Options shared by everything that reads a matrix.
#[derive(Debug, Args, Clone, Default)]
pub struct ReadArgs {
    /// Sheet to read, by name or 1-based number (default: the sheet with the best matrix).
    #[arg(long, value_name = "NAME|NUMBER")]
    pub sheet: Option<String>,
    /// Letter scheme (default: from a legend in the file, or from the letters present).
    #[arg(long, value_enum)]
    pub scheme: Option<SchemeName>,
    /// CSV or spreadsheet with `party,title` columns giving each party's title.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// What `PM` alone means in a header.
    #[arg(long, value_enum, value_name = "product|project")]
    pub pm_means: Option<PmMeans>,
    /// Read the matrix in this shape only (when it was read in another).
    #[arg(long, value_enum, ignore_case = true)]
    pub shape: Option<Shape>,
    /// The table is this rectangle of the sheet, e.g. B4:M40 (when the sheet holds several).
    #[arg(long, value_name = "B4:M40")]
    pub range: Option<String>,
    /// The table's first N rows are its header (1 to 4).
    #[arg(long, value_name = "N")]
    pub header_rows: Option<String>,
    /// The column holding the task names, e.g. B.
    #[arg(long, value_name = "COLUMN")]
    pub task_column: Option<String>,
    /// The columns holding the parties' letters, e.g. D:K.
    #[arg(long, value_name = "D:K")]
    pub party_columns: Option<String>,
    /// The letter an x or a tick mark stands for (R, A, C, I, S or V).
    #[arg(long, value_name = "LETTER")]
    pub x_means: Option<String>,
    /// Configuration file (default: ./raci.toml if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Replace the built-in taxonomy with this TOML file (see `raci taxonomy`).
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Largest input file accepted, in MB.
    #[arg(long, value_name = "MB")]
    pub max_file_mb: Option<u64>,
    /// Most cells read from one sheet.
    #[arg(long, value_name = "N")]
    pub max_cells: Option<u64>,
    /// Longest cell text accepted, in characters.
    #[arg(long, value_name = "N")]
    pub max_cell_chars: Option<u64>,
    /// Most memory a run may plan for, in MB, estimated from what the file expands to.
    #[arg(long, value_name = "MB")]
    pub max_memory_mb: Option<u64>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// RACI export(s): .csv .tsv .txt .xlsx .xlsm .xlsb .xls .ods, `-` for standard input, or
    /// a folder (portfolio mode).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Report folder (default: reports/<input file stem>/). `-` with `--format json` writes
    /// the JSON report to standard output.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Exit 1 when a finding reaches this severity (off by default).
    #[arg(long, value_enum)]
    pub fail_on: Option<Severity>,
    /// Run only these rules (codes, names or prefixes such as `R`), comma separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Skip these rules (codes, names or prefixes), comma separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Which outputs to write, comma separated: csv,png,html,xlsx,json,md (default: all).
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub only: Vec<String>,
    /// With `-o -`: the format written to standard output.
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Start every CSV with a UTF-8 byte-order mark, for Excel on Windows.
    #[arg(long)]
    pub excel_csv: bool,
    /// No progress bar and no list of files written.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub anonymize: AnonymizeArgs,
}

/// `--anonymize` and `--anonymize-key`, for the commands that write reports of people.
#[derive(Debug, Args)]
pub struct AnonymizeArgs {
    /// Replace people's names with pseudonyms (Person 1, Person 2, ...) in every report;
    /// titles, roles, teams and task names stay.
    #[arg(long)]
    pub anonymize: bool,
    /// With --anonymize (implied): write the `pseudonym,name` key to FILE. Keep it apart
    /// from the reports you share.
    #[arg(long, value_name = "FILE")]
    pub anonymize_key: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier export (any format), or a folder of them.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later export (any format), or a folder of them paired with OLD's by file name.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Output folder (default: reports/<old stem>-vs-<new stem>/).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Exit 1 when a new finding reaches this severity (for CI).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on_new: Option<Severity>,
    /// Start every CSV with a UTF-8 byte-order mark, for Excel on Windows.
    #[arg(long)]
    pub excel_csv: bool,
    /// No list of files written.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub anonymize: AnonymizeArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default: anything else lets other machines upload.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    pub addr: std::net::SocketAddr,
    /// Open the page in the default browser once the server listens.
    #[arg(long)]
    pub open: bool,
    /// Largest uploaded file, in MB.
    #[arg(long, default_value_t = 20, value_name = "MB")]
    pub max_upload_mb: u64,
    /// Memory for the reports of the kept audits (the last 32), in MB; the oldest go first.
    #[arg(long, default_value_t = DEFAULT_MAX_STORE_MB, value_name = "MB")]
    pub max_store_mb: u64,
    /// Seconds an upload may take to arrive; a stalled one is dropped after that.
    #[arg(long, default_value_t = DEFAULT_UPLOAD_TIMEOUT_SECS, value_name = "SECS")]
    pub upload_timeout_secs: u64,
    /// Uploads received or audited at once; more get "busy, try again" (HTTP 503).
    #[arg(long, default_value_t = DEFAULT_MAX_UPLOADS, value_name = "N")]
    pub max_uploads: usize,
    /// Another host name (or IP address) of this machine to answer to, besides localhost,
    /// 127.0.0.1, [::1] and the --addr address. Repeat for several.
    #[arg(long, value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Defaults for every upload; the page's sheet, scheme and roster fields override them.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Anonymize every upload (the page also has a checkbox for it).
    #[arg(long)]
    pub anonymize: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    pub input: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Task names to classify.
    pub tasks: Vec<String>,
    /// Read task names from a file: one per line, or a CSV with a `task` column.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ClassifyFormat,
    /// Replace the built-in taxonomy with this TOML file.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Configuration file (default: ./raci.toml if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule code or name to explain.
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClassifyFormat {
    Text,
    Csv,
    Json,
}
